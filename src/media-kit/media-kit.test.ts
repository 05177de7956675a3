import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { checkHtml } from "../../test/vnu.ts";
import { unzip } from "../../test/zip.ts";
import { auditLog, edition, mediaKitFile } from "../db/schema/index.ts";
import { rolloverSteps } from "../editions/rollover/rollover-steps.ts";
import { openEdition } from "../event-form/event-form.fixtures.ts";
import { pngBomb } from "../media/media.fixtures.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { mediaKitStep } from "./copy-media-kit.ts";

let t: TestApp;
let p: Personas;
let year: number;
let uploads: string;
const admin = (y: number) => `/mein-bereich/medienpaket/${y}`;

beforeAll(async () => {
  t = await createTestApp();
  const e = await openEdition(t.database.db, {
    hashtag: "Clusterwoche2027",
    mottoDe: "Vernetzt in die Zukunft",
    mottoEn: "Connected into the future",
  });
  year = e.year;
  p = await createPersonas(t);
  uploads = path.join(t.app.config.dataDir, "uploads");
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const kitRows = () => t.database.db.select().from(mediaKitFile);
const storedFiles = () => (fs.existsSync(uploads) ? fs.readdirSync(uploads).length : 0);

type Upload = { data: Buffer; name: string; type: string };
/** A multipart form as a browser sends it: the texts, the CSRF token, the file. */
function kitForm(who: PersonaName, fields: Record<string, string>, file?: Upload, csrf = true) {
  const data = new FormData();
  if (csrf) data.append("_csrf", p[who].session.csrf);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append("file", new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return t.app.inject({ method: "POST", url: `${admin(year)}/dateien`, headers: { cookie: p[who].session.cookie }, payload: data });
}

const png = () =>
  sharp({ create: { width: 800, height: 400, channels: 4, background: { r: 11, g: 74, b: 143, alpha: 0.5 } } })
    .png()
    .toBuffer();
const jpegWithGps = () =>
  sharp({ create: { width: 1200, height: 630, channels: 3, background: "#b3261e" } })
    .jpeg()
    .withExif({ IFD0: { Model: "GPS-Cam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1" } })
    .toBuffer();
async function pdf(pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}
/** The start of a Windows executable (MZ header, DOS stub text). */
const executable = Buffer.concat([
  Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"),
  Buffer.from("This program cannot be run in DOS mode.\r\n"),
  Buffer.alloc(512, 0x90),
]);
const svgWithScript = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);

describe("media kit back office", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers and coordinators, writing nothing", async () => {
    const anonymous = await as("anonymous").get(admin(year));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(admin(year))}`);
    for (const name of ["organiserA", "organiserB", "coordinator", "coordinatorOther"] as const) {
      expect((await as(name).get("/mein-bereich/medienpaket")).statusCode, name).toBe(404);
      expect((await as(name).get(admin(year))).statusCode, name).toBe(404);
      expect(
        (await kitForm(name, { kind: "logo", titleDe: "Logo" }, { data: await png(), name: "logo.png", type: "image/png" })).statusCode,
        name,
      ).toBe(404);
      for (const verb of ["erzeugen", "hinweise", "dateien/1/entfernen"])
        expect((await as(name).post(`${admin(year)}/${verb}`, { lang: "de", usageDe: "x" })).statusCode, `${name} ${verb}`).toBe(404);
    }
    expect(await kitRows()).toEqual([]);
    expect(storedFiles()).toBe(0);
    expect((await as("editor").get("/mein-bereich/medienpaket")).headers.location).toBe(admin(year));
    expect((await as("admin").get(admin(year))).statusCode).toBe(200);
    expect((await as("editor").get(admin(1999))).statusCode).toBe(404);
  });

  it("accepts PNG, JPEG and PDF checked by content: kept in their format and size, metadata stripped, audited", async () => {
    const logo = await kitForm(
      "editor",
      { kind: "logo", titleDe: "Logo farbig", titleEn: "Logo in colour" },
      { data: await png(), name: "logo.png", type: "image/png" },
    );
    expect(logo.statusCode, logo.body.slice(0, 300)).toBe(303);
    expect(logo.headers.location).toBe(`${admin(year)}?notice=kitAdded`);
    // A JPEG sent under a PDF's name and type is still recognised as what it is.
    const photo = await kitForm(
      "admin",
      { kind: "social", titleDe: "Motiv Netzwerk" },
      { data: await jpegWithGps(), name: "motiv.pdf", type: "application/pdf" },
    );
    expect(photo.statusCode).toBe(303);
    const doc = await kitForm(
      "editor",
      { kind: "logo", titleDe: "Logo Vektor" },
      { data: await pdf(2), name: "logo.pdf", type: "application/pdf" },
    );
    expect(doc.statusCode).toBe(303);

    const rows = await kitRows();
    expect(rows.map((r) => [r.titleDe, r.kind, r.format, r.width, r.height, r.pages])).toEqual([
      ["Logo farbig", "logo", "png", 800, 400, null],
      ["Motiv Netzwerk", "social", "jpeg", 1200, 630, null],
      ["Logo Vektor", "logo", "pdf", null, null, 2],
    ]);
    for (const row of rows) {
      const served = await t.app.inject({ method: "GET", url: row.path });
      expect(served.statusCode, row.path).toBe(200);
      expect(served.rawPayload.length).toBe(row.bytes);
      expect((await t.app.inject({ method: "GET", url: row.previewPath })).headers["content-type"]).toBe("image/webp");
    }
    const stored = rows[1] ? await sharp((await t.app.inject({ method: "GET", url: rows[1].path })).rawPayload).metadata() : undefined;
    expect(stored).toMatchObject({ format: "jpeg", width: 1200, height: 630 });
    expect(stored?.exif).toBeUndefined();
    const transparent = rows[0] ? await sharp((await t.app.inject({ method: "GET", url: rows[0].path })).rawPayload).metadata() : undefined;
    expect(transparent).toMatchObject({ format: "png", hasAlpha: true });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.objectType, "media_kit_file"));
    expect(audits.map((a) => a.action)).toEqual(["media_kit.add", "media_kit.add", "media_kit.add"]);
  });

  it("refuses executables, SVG (with or without script), WebP, missing files and texts with 422, writing nothing", async () => {
    const rows = (await kitRows()).length;
    const files = storedFiles();
    const cases: [string, Upload | undefined, string][] = [
      ["exe as pdf", { data: executable, name: "logo.pdf", type: "application/pdf" }, "PNG-, JPEG- oder PDF-Datei"],
      [
        "pdf header, executable body",
        { data: Buffer.concat([Buffer.from("%PDF-1.7\n"), executable]), name: "x.pdf", type: "application/pdf" },
        "PNG-, JPEG- oder PDF-Datei",
      ],
      ["svg with script as png", { data: svgWithScript, name: "logo.png", type: "image/png" }, "SVG-Dateien werden nicht angenommen"],
      [
        "svg with xml prolog",
        { data: Buffer.from(`<?xml version="1.0"?>\n${svgWithScript}`), name: "logo.svg", type: "image/svg+xml" },
        "SVG-Dateien",
      ],
      [
        "webp",
        {
          data: await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
            .webp()
            .toBuffer(),
          name: "a.webp",
          type: "image/webp",
        },
        "PNG-, JPEG- oder PDF-Datei",
      ],
      ["truncated png", { data: (await png()).subarray(0, 200), name: "cut.png", type: "image/png" }, "PNG-, JPEG- oder PDF-Datei"],
      ["decompression bomb", { data: pngBomb(8000, 8000), name: "bomb.png", type: "image/png" }, "mehr als 40 Megapixel"],
      ["no file", undefined, "Bitte eine Datei auswählen"],
    ];
    for (const [label, file, message] of cases) {
      const response = await kitForm("editor", { kind: "logo", titleDe: "Versuch" }, file);
      expect(response.statusCode, label).toBe(422);
      const page = parseHtml(response.body);
      expect(page.querySelector(".error-summary")?.textContent, label).toContain(message);
      expect(page.querySelector("#field-file")?.getAttribute("aria-invalid"), label).toBe("true");
      expect(page.querySelector<HTMLInputElement>("#field-titleDe")?.getAttribute("value"), label).toBe("Versuch");
    }
    const good = { data: await png(), name: "logo.png", type: "image/png" };
    expect((await kitForm("editor", { kind: "logo", titleDe: " " }, good)).statusCode).toBe(422);
    expect((await kitForm("editor", { kind: "poster", titleDe: "Logo" }, good)).statusCode).toBe(422);
    expect((await kitForm("editor", { kind: "logo", titleDe: "x".repeat(121) }, good)).statusCode).toBe(422);
    expect((await kitForm("editor", { kind: "logo", titleDe: "Logo" }, good, false)).statusCode).toBe(403);
    const huge = { data: Buffer.alloc(11 * 1024 * 1024, 1), name: "big.png", type: "image/png" };
    expect((await kitForm("editor", { kind: "logo", titleDe: "Groß" }, huge)).statusCode).toBe(413);
    expect((await kitRows()).length).toBe(rows);
    expect(storedFiles()).toBe(files);
  });

  it("generates a 1200×630 social image from the edition (dates, hashtag) in the share cards' design", async () => {
    const made = await as("editor").post(`${admin(year)}/erzeugen`, { lang: "en" });
    expect(made.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(mediaKitFile).where(eq(mediaKitFile.generated, true));
    expect(row).toMatchObject({ kind: "social", format: "png", width: 1200, height: 630, titleEn: `Social media image ${year} (English)` });
    const image = await t.app.inject({ method: "GET", url: row?.path ?? "" });
    expect((await sharp(image.rawPayload).metadata()).format).toBe("png");
    // The top-left pixel is the brand blue of the share cards (#0b4a8f).
    const { data } = await sharp(image.rawPayload)
      .extract({ left: 2, top: 2, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([11, 74, 143]);
  });

  it("saves usage notes (text, never markup) and removes a file; another edition's file is 404", async () => {
    const saved = await as("editor").post(`${admin(year)}/hinweise`, {
      usageDe: "Nur unverändert verwenden.\n\n<script>alert(1)</script> Kein Zuschnitt.",
      usageEn: "Use unchanged only.",
    });
    expect(saved.statusCode).toBe(303);
    expect((await as("editor").post(`${admin(year)}/hinweise`, { usageDe: "x".repeat(3001) })).statusCode).toBe(422);
    expect((await as("editor").post(`${admin(year)}/hinweise`, { usageDe: ["a", "b"] })).statusCode).toBe(422);

    const extra = await kitForm(
      "editor",
      { kind: "logo", titleDe: "Wird entfernt" },
      { data: await png(), name: "x.png", type: "image/png" },
    );
    expect(extra.statusCode).toBe(303);
    const [gone] = await t.database.db.select().from(mediaKitFile).where(eq(mediaKitFile.titleDe, "Wird entfernt"));
    const [other] = await t.database.db
      .insert(edition)
      .values({ year: 2031, titleDe: "Clusterwoche 2031", titleEn: "Cluster Week 2031", startsOn: "2031-04-01", endsOn: "2031-04-10" })
      .returning();
    expect((await as("editor").post(`${admin(other?.year ?? 0)}/dateien/${gone?.id}/entfernen`)).statusCode).toBe(404);
    const removed = await as("editor").post(`${admin(year)}/dateien/${gone?.id}/entfernen`);
    expect(removed.statusCode).toBe(303);
    expect(
      await t.database.db
        .select()
        .from(mediaKitFile)
        .where(eq(mediaKitFile.id, gone?.id ?? 0)),
    ).toEqual([]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "media_kit.remove"), eq(auditLog.objectId, String(gone?.id))));
    expect(audit?.summary).toContain("Wird entfernt");
  });
});

describe("public media kit", () => {
  it("lists each file with format, pixel size and file size, the hashtag and usage notes, in German and English", async () => {
    const rows = await kitRows();
    const page = await t.app.inject({ method: "GET", url: "/presse/medienpaket" });
    expect(page.statusCode).toBe(200);
    const doc = parseHtml(page.body);
    const shown = [...doc.querySelectorAll("tr.media-kit-file")].map((tr) => [
      tr.querySelector("a")?.textContent,
      tr.querySelector(".kit-format")?.textContent,
      tr.querySelector(".kit-pixels")?.textContent,
      tr.querySelector(".kit-bytes")?.textContent,
    ]);
    const kb = (title: string) =>
      `${Math.max(1, Math.round((rows.find((r) => r.titleDe === title)?.bytes ?? 0) / 1024)).toLocaleString("de-DE")} KB`;
    expect(shown).toEqual([
      ["Logo farbig", "PNG", "800 × 400 px", kb("Logo farbig")],
      ["Logo Vektor", "PDF", "2 Seiten (Vektor)", kb("Logo Vektor")],
      ["Motiv Netzwerk", "JPEG", "1200 × 630 px", kb("Motiv Netzwerk")],
      [`Social-Media-Bild ${year} (Englisch)`, "PNG", "1200 × 630 px", expect.stringMatching(/ KB$/)],
    ]);
    expect(textOf(page.body)).toContain("Hashtag: #Clusterwoche2027");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(textOf(page.body)).toContain("<script>alert(1)</script> Kein Zuschnitt.");
    expect(doc.querySelector(`a[href="/presse/medienpaket.zip"]`)).not.toBeNull();
    const english = await t.app.inject({ method: "GET", url: "/presse/medienpaket?lang=en" });
    expect(textOf(english.body)).toContain("Logo in colour");
    expect(textOf(english.body)).toContain("Use unchanged only.");
    expect(parseHtml(english.body).querySelector("h1")?.textContent).toBe("Media kit");
    const press = await t.app.inject({ method: "GET", url: "/presse" });
    expect(parseHtml(press.body).querySelector('a[href="/presse/medienpaket"]')).not.toBeNull();
  });

  it("offers all files as one streamed ZIP whose entries are the stored files, byte for byte", async () => {
    const response = await t.app.inject({ method: "GET", url: "/presse/medienpaket.zip" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="clusterwoche-${year}-medienpaket.zip"`);
    const entries = await unzip(response.rawPayload);
    expect([...entries.keys()]).toEqual([
      "LIESMICH.txt",
      "logo-farbig.png",
      "logo-vektor.pdf",
      "motiv-netzwerk.jpg",
      `social-media-bild-${year}-englisch.png`,
    ]);
    const rows = await kitRows();
    const titles: Record<string, string> = {
      "logo-farbig.png": "Logo farbig",
      "logo-vektor.pdf": "Logo Vektor",
      "motiv-netzwerk.jpg": "Motiv Netzwerk",
      [`social-media-bild-${year}-englisch.png`]: `Social-Media-Bild ${year} (Englisch)`,
    };
    for (const [name, title] of Object.entries(titles)) {
      const row = rows.find((r) => r.titleDe === title);
      const served = (await t.app.inject({ method: "GET", url: row?.path ?? "" })).rawPayload;
      expect(served.length, title).toBeGreaterThan(0);
      expect(entries.get(name)?.equals(served), title).toBe(true);
    }
    const readme = entries.get("LIESMICH.txt")?.toString("utf8") ?? "";
    expect(readme).toContain("#Clusterwoche2027");
    expect(readme).toContain("Nur unverändert verwenden.");
    expect(readme).toContain("- logo-vektor.pdf: Logo Vektor");
  });
});

describe("media kit HTML", () => {
  it("the public page, the back office with files and a refused upload, and the taxonomies pages are valid HTML (vnu)", async () => {
    const refused = await kitForm("editor", { kind: "logo", titleDe: "" }, { data: svgWithScript, name: "a.svg", type: "image/svg+xml" });
    expect(refused.statusCode).toBe(422);
    const pages: Record<string, string> = { "POST upload (refused)": refused.body };
    for (const path of [
      "/presse/medienpaket",
      "/presse/medienpaket?lang=en",
      admin(year),
      `${admin(year)}?lang=en`,
      "/mein-bereich/taxonomien/technologiefelder",
      "/mein-bereich/taxonomien/zielgruppen?lang=en",
      "/mein-bereich/taxonomien/technologiefelder/energy",
    ]) {
      const response = await as("editor").get(path);
      expect(response.statusCode, path).toBe(200);
      pages[path] = response.body;
    }
    const errors = await checkHtml(pages);
    expect(errors.map((e) => `${e.page}:${e.line}: ${e.message} [${e.extract?.trim()}]`)).toEqual([]);
  }, 120_000);
});

describe("media kit rollover step", () => {
  it("is a rollover step and copies the uploaded files and notes (not generated images) once", async () => {
    expect(rolloverSteps).toContain(mediaKitStep);
    const db = t.database.db;
    const [from] = await db.select().from(edition).where(eq(edition.year, year));
    const [to] = await db
      .insert(edition)
      .values({ year: 2028, titleDe: "Clusterwoche 2028", titleEn: "Cluster Week 2028", startsOn: "2028-04-04", endsOn: "2028-04-13" })
      .returning();
    if (!from || !to) throw new Error("no editions");
    const preview = await mediaKitStep.preview({ db, from });
    expect(preview).toEqual({ count: 3, examples: ["Logo farbig", "Logo Vektor", "Motiv Netzwerk"] });
    const copied = await db.transaction((tx) => mediaKitStep.copy({ tx, from, to, shiftDays: 364, now: new Date() }));
    expect(copied.count).toBe(3);
    const again = await db.transaction((tx) => mediaKitStep.copy({ tx, from, to, shiftDays: 364, now: new Date() }));
    expect(again.count).toBe(0);
    const rows = await db.select().from(mediaKitFile).where(eq(mediaKitFile.editionId, to.id));
    const original = await db
      .select()
      .from(mediaKitFile)
      .where(and(eq(mediaKitFile.editionId, from.id), eq(mediaKitFile.generated, false)));
    expect(rows.map((r) => [r.titleDe, r.path, r.format, r.bytes]).sort()).toEqual(
      original.map((r) => [r.titleDe, r.path, r.format, r.bytes]).sort(),
    );
    const page = await as("editor").get(admin(2028));
    expect(textOf(page.body)).toContain("Logo farbig");
    expect(parseHtml(page.body).querySelector<HTMLTextAreaElement>("#field-usageEn")?.textContent).toBe("Use unchanged only.");
  });

  it("keeps an archived edition's media kit read-only (409)", async () => {
    await t.database.db.update(edition).set({ status: "archived" }).where(eq(edition.year, 2028));
    const refused = await as("editor").post(`${admin(2028)}/hinweise`, { usageDe: "neu" });
    expect(refused.statusCode).toBe(409);
    expect(textOf((await as("editor").get(admin(2028))).body)).toContain("archiviert");
  });
});
