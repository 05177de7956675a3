import { deflateRawSync } from "node:zlib";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { event, importPlan } from "../db/schema/index.ts";
import { openEdition } from "../event-form/event-form.fixtures.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { basicKeys, csvOf, validRow, xlsxOf } from "./import.fixtures.ts";
import { loadWorkbook } from "./read-sheet.ts";

let t: TestApp;
let p: Personas;
const YEAR = 2031;
const DAY = "2031-04-08";

/** A multipart upload as the browser sends the import form. */
const upload = (session: Session, fields: Record<string, string>, file: Buffer, url = "/mein-bereich/import") =>
  browserOf(t.app, session).upload(url, fields, { name: "sheet.xlsx", content: file });
const get = (who: PersonaName, url: string) => t.app.inject({ method: "GET", url, headers: { cookie: p[who].session.cookie } });
const post = (who: PersonaName, url: string) =>
  t.app.inject({
    method: "POST",
    url,
    headers: { cookie: p[who].session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: `_csrf=${encodeURIComponent(p[who].session.csrf)}`,
  });
const fieldsFor = (orgId: number, importAs = "submitted") => ({ organisationId: String(orgId), year: String(YEAR), importAs });
const counts = async () => ({
  events: (await t.database.db.select({ n: count() }).from(event))[0]?.n,
  plans: (await t.database.db.select({ n: count() }).from(importPlan))[0]?.n,
});

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  const day = 86_400_000;
  await openEdition(t.database.db, {
    year: YEAR,
    startsOn: "2031-04-07",
    endsOn: "2031-04-16",
    submissionOpensAt: new Date(Date.now() - day),
    submissionClosesAt: new Date(Date.now() + 60 * day),
  });
});
afterAll(() => t.close());

describe("import pages", () => {
  it("show the form to signed-in people with the organisations they may import for; anonymous visitors go to the login", async () => {
    expect((await t.app.inject({ method: "GET", url: "/mein-bereich/import" })).headers.location).toMatch(/^\/anmelden\?next=/);
    const page = await get("organiserA", "/mein-bereich/import");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    expect(page.body).toContain(`value="${p.orgA.id}"`);
    expect(page.body).not.toContain(`value="${p.orgB.id}"`);
    expect(textOf(page.body)).toContain("Vorlage als Excel-Datei (XLSX)");
    const coordinator = await get("coordinator", "/mein-bereich/import");
    expect(coordinator.body).toContain(`value="${p.orgA.id}"`);
    expect(coordinator.body).toContain(`value="${p.orgB.id}"`);
    expect((await get("coordinatorOther", "/mein-bereich/import")).body).not.toContain(`value="${p.orgA.id}"`);
  });

  it("offer the template as XLSX and as CSV (German by default, English with lang=en)", async () => {
    const xlsx = await t.app.inject({ method: "GET", url: "/mein-bereich/import/vorlage.xlsx?lang=en" });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const workbook = await loadWorkbook(xlsx.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Events", "Values", "Help"]);
    const csv = await t.app.inject({ method: "GET", url: "/mein-bereich/import/vorlage.csv" });
    expect(csv.headers["content-disposition"]).toContain("clusterwoche-importvorlage.csv");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("upload → preview (survives reload) → confirm once; the matrix of who may see and confirm a preview", async () => {
    const file = await xlsxOf(basicKeys, [validRow("WEB-1", DAY), validRow("WEB-2", DAY, { start: "kein Datum" })]);
    const before = await counts();
    const uploaded = await upload(p.organiserA.session, fieldsFor(p.orgA.id), file);
    expect(uploaded.statusCode).toBe(303);
    const url = String(uploaded.headers.location);
    expect(url).toMatch(/^\/mein-bereich\/import\/[a-f0-9]{32}$/);
    expect((await counts()).events).toBe(before.events);
    for (const who of ["organiserB", "coordinatorOther"] as const) {
      expect((await get(who, url)).statusCode, who).toBe(404);
      expect((await post(who, `${url}/bestaetigen`)).statusCode, who).toBe(404);
    }
    expect((await t.app.inject({ method: "GET", url })).headers.location).toMatch(/^\/anmelden\?next=/);
    for (const who of ["coordinator", "editor", "admin"] as const) expect((await get(who, url)).statusCode, who).toBe(200);
    expect((await get("organiserA", "/mein-bereich/import/0123456789abcdef0123456789abcdef")).statusCode).toBe(404);
    const preview = await get("organiserA", url);
    const text = textOf(preview.body);
    expect(text).toContain(`Noch ist nichts gespeichert. Datei „sheet.xlsx“ für ${p.orgA.name}, Ausgabe ${YEAR};`);
    expect(text).toContain("1 neu, 0 geändert, 0 unverändert, 1 fehlerhaft");
    expect(text).toMatch(/Was zu tun ist\s*3\s*Beginn\s*Fehler\s*Bitte ein Datum wie 02\.04\.2019 10:00 angeben\./);
    expect(text).toContain("1 gültige Zeile(n) importieren");
    expect((await get("organiserA", url)).body).toContain("WEB-2");
    expect((await post("organiserA", `${url}/bestaetigen`)).statusCode).toBe(303);
    expect(textOf((await get("organiserA", url)).body)).toContain("Import abgeschlossen: 1 neu angelegt, 0 aktualisiert, 0 unverändert.");
    const twice = await post("organiserA", `${url}/bestaetigen`);
    expect(twice.statusCode).toBe(409);
    expect(textOf(twice.body)).toContain("Dieser Import wurde bereits bestätigt.");
    const rows = await t.database.db.select().from(event).where(eq(event.externalRef, "WEB-1"));
    expect(rows.map((r) => r.status)).toEqual(["submitted"]);
  });

  it("name the preview after the uploaded file (a client path's last segment; the kind when the browser sent no name)", async () => {
    const file = await xlsxOf(basicKeys, [validRow("NAME-1", DAY)]);
    const named = (name: string) =>
      browserOf(t.app, p.organiserA.session).upload("/mein-bereich/import", fieldsFor(p.orgA.id), { name, content: file });
    const intro = async (name: string) => textOf((await get("organiserA", String((await named(name)).headers.location))).body);
    expect(await intro("C:\\Users\\olga\\Veranstaltungen <2031>.xlsx")).toContain("Datei „Veranstaltungen <2031>.xlsx“ für");
    expect(await intro("")).toContain("Datei „XLSX“ für");
  });

  it("refuse an upload for a foreign organisation (404), an unknown edition (422) and a missing file (422)", async () => {
    const file = await xlsxOf(basicKeys, [validRow("F-1", DAY)]);
    expect((await upload(p.organiserA.session, fieldsFor(p.orgB.id), file)).statusCode).toBe(404);
    expect((await upload(p.coordinatorOther.session, fieldsFor(p.orgA.id), file)).statusCode).toBe(404);
    const edition = await upload(p.organiserA.session, { ...fieldsFor(p.orgA.id), year: "1999" }, file);
    expect(edition.statusCode).toBe(422);
    expect(textOf(edition.body)).toContain("Es gibt keine Ausgabe 1999.");
    expect((await upload(p.organiserA.session, fieldsFor(p.orgA.id), Buffer.alloc(0))).statusCode).toBe(422);
    expect((await upload({ ...p.organiserA.session, csrf: "wrong" }, fieldsFor(p.orgA.id), file)).statusCode).toBe(403);
  });
});

/** A ZIP whose one entry inflates to `size` zero bytes (a zip bomb when large), with honest headers. */
function zipWith(size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size));
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe("hostile files", () => {
  const ole = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(1000),
    Buffer.from("EncryptedPackage", "utf16le"),
  ]);
  const cases: [string, () => Buffer, string][] = [
    ["a zip bomb (110 MB unpacked)", () => zipWith(110 * 1024 * 1024), "entpackt zu groß"],
    [
      "a zip bomb whose headers claim 1 KB",
      () => {
        const bomb = zipWith(110 * 1024 * 1024);
        bomb.writeUInt32LE(1024, 22);
        bomb.writeUInt32LE(1024, bomb.length - 22 - 46 - 24 + 24);
        return bomb;
      },
      "entpackt zu groß",
    ],
    ["a renamed executable", () => Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(500, 1)]), "keine Tabelle"],
    ["an encrypted XLSX (OLE container with an EncryptedPackage stream)", () => ole, "mit einem Passwort geschützt"],
    ["200,001 rows", () => Buffer.from(`Referenz;Titel (Deutsch)\r\n${"a;b\r\n".repeat(200_001)}`), "mehr als 200.000 Zeilen"],
    [
      "broken CSV quoting",
      () => Buffer.from('Referenz;Titel (Deutsch)\r\nA-1;"nicht geschlossen\r\nA-2;x\r\n'),
      "CSV-Datei ist fehlerhaft",
    ],
    [
      "invalid UTF-8",
      () => Buffer.concat([Buffer.from("Referenz;Titel (Deutsch)\r\nA-1;Größe "), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from("\r\n")]),
      "ungültige Zeichen",
    ],
    [
      "a damaged XLSX",
      () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
      "ließ sich nicht als Tabelle lesen",
    ],
    ["a sheet without the template's headers", () => Buffer.from("foo;bar\r\n1;2\r\n"), "Spaltenüberschriften"],
  ];
  it.each(cases)("%s: a clear message at the file field, never a 500, nothing written", async (_name, make, message) => {
    const before = await counts();
    const response = await upload(p.organiserA.session, fieldsFor(p.orgA.id), make());
    expect(response.statusCode).toBe(422);
    expect(textOf(response.body)).toContain(message);
    expect(response.body).toContain('id="field-file-error"');
    expect(await counts()).toEqual(before);
  });

  it("a 51 MB file: 413 with the form and a message, nothing written", async () => {
    const before = await counts();
    const response = await upload(p.organiserA.session, fieldsFor(p.orgA.id), Buffer.alloc(51 * 1024 * 1024, 0x41));
    expect(response.statusCode).toBe(413);
    expect(textOf(response.body)).toContain("höchstens 50 MB");
    expect(await counts()).toEqual(before);
  });

  it("a CSV in German Excel's own shape imports (and the preview escapes script in cells)", async () => {
    const file = csvOf(basicKeys, [validRow("X-1", DAY, { titleDe: "<script>alert(1)</script>" })], {
      encoding: "windows-1252",
      sepLine: true,
    });
    const uploaded = await upload(p.organiserA.session, fieldsFor(p.orgA.id, "draft"), file);
    const preview = await get("organiserA", String(uploaded.headers.location));
    expect(preview.body).not.toContain("<script>alert(1)</script>");
    expect(preview.body).toMatch(/&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});
