import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { event } from "../db/schema/index.ts";
import { pngBomb } from "../media/media.fixtures.ts";
import { createEventDraft } from "./create-event-draft.ts";
import { makeActor, openEdition, sampleEvent } from "./event-form.fixtures.ts";

let t: TestApp;
let p: Personas;
let draftA: number;
const base = "/mein-bereich/veranstaltungen";

beforeAll(async () => {
  t = await createTestApp();
  await openEdition(t.database.db);
  p = await createPersonas(t);
  const owner = await makeActor(t.database.db, "organiser", { organisationIds: [p.orgA.id] });
  draftA = (
    await createEventDraft({ ctx: { db: t.database.db, actor: owner }, input: { organisationId: p.orgA.id, event: sampleEvent() } })
  ).id;
});
afterAll(() => t.close());

const versionOf = async (id: number) => (await t.database.db.select({ v: event.version }).from(event).where(eq(event.id, id)))[0]?.v ?? 0;
/** The event as a multipart form, as the browser posts it. */
function formOf(fields: Record<string, string>, file?: { data: Buffer; name: string; type: string }) {
  const data = new FormData();
  const all: Record<string, string> = {
    titleDe: "Matrix-Test",
    summaryDe: "Kurz.",
    formatCode: "talk",
    mode: "onsite",
    "sessions.0.startDate": "2027-04-07",
    "sessions.0.startTime": "10:00",
    "sessions.0.endTime": "11:00",
    "venue.name": "Rathaus",
    "venue.postalCode": "70173",
    "venue.city": "Stuttgart",
    "venue.stateCode": "BW",
    isFree: "yes",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) data.append(k, v);
  if (file) data.append("image", new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return data;
}
const as = (who: PersonaName) => ({ cookie: p[who].session.cookie });
const demoEventOfA = async (where: ReturnType<typeof sql>) => {
  const [row] = await queryRows<{ id: number }>(
    t.database.db,
    sql`select e.id from event e join edition ed on ed.id = e.edition_id where e.organisation_id = ${p.orgA.id} and ${where} order by e.id limit 1`,
  );
  if (!row) throw new Error("demo data lacks such an event of organisation A");
  return Number(row.id);
};

describe("authorization matrix of the event-form routes", () => {
  const expectMatrix = async (
    label: string,
    expected: Record<PersonaName, number>,
    request: (who: PersonaName) => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
  ) => {
    const actual: Record<string, number> = {};
    for (const who of personaNames) {
      const response = await request(who);
      actual[who] = response.statusCode;
      if (who === "anonymous" && response.statusCode === 303) expect(String(response.headers.location)).toContain("/anmelden");
    }
    expect(actual, label).toEqual(expected);
  };
  const reading = { anonymous: 303, organiserA: 200, organiserB: 404, coordinatorOther: 404, coordinator: 200, editor: 200, admin: 200 };

  it("answers each persona on every page", async () => {
    await expectMatrix(
      "list",
      { anonymous: 303, organiserA: 200, organiserB: 200, coordinatorOther: 200, coordinator: 200, editor: 200, admin: 200 },
      (who) => t.app.inject({ method: "GET", url: base, headers: as(who) }),
    );
    await expectMatrix(
      "new",
      { anonymous: 303, organiserA: 200, organiserB: 200, coordinatorOther: 403, coordinator: 403, editor: 403, admin: 403 },
      (who) => t.app.inject({ method: "GET", url: `${base}/neu`, headers: as(who) }),
    );
    await expectMatrix("edit A's draft", reading, (who) => t.app.inject({ method: "GET", url: `${base}/${draftA}`, headers: as(who) }));
    await expectMatrix("preview A's draft", reading, (who) =>
      t.app.inject({ method: "GET", url: `${base}/${draftA}/vorschau`, headers: as(who) }),
    );
    await expectMatrix(
      "unknown event",
      { anonymous: 303, organiserA: 404, organiserB: 404, coordinatorOther: 404, coordinator: 404, editor: 404, admin: 404 },
      (who) => t.app.inject({ method: "GET", url: `${base}/99999999`, headers: as(who) }),
    );
  });

  it("lets only those who may change A's draft save it; others get 404 and change nothing", async () => {
    await expectMatrix(
      "save A's draft",
      { anonymous: 303, organiserA: 303, organiserB: 404, coordinatorOther: 404, coordinator: 303, editor: 303, admin: 303 },
      async (who) =>
        t.app.inject({
          method: "POST",
          url: `${base}/${draftA}`,
          headers: as(who),
          payload: formOf({ _csrf: p[who].session.csrf, version: String(await versionOf(draftA)), titleDe: `Gespeichert von ${who}` }),
        }),
    );
    const [row] = await t.database.db.select().from(event).where(eq(event.id, draftA));
    expect(row?.titleDe).toBe("Gespeichert von admin");
    const foreign = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from event where title_de in ('Gespeichert von organiserB', 'Gespeichert von coordinatorOther')`,
    );
    expect(foreign[0]?.n).toBe(0);
  });

  it("lets only those who may manage A's events copy an earlier edition's event", async () => {
    const earlier = await demoEventOfA(sql`ed.year = 2019`);
    await expectMatrix(
      "duplicate",
      { anonymous: 303, organiserA: 303, organiserB: 404, coordinatorOther: 404, coordinator: 303, editor: 303, admin: 303 },
      (who) =>
        t.app.inject({ method: "POST", url: `${base}/${earlier}/duplizieren`, headers: as(who), payload: { _csrf: p[who].session.csrf } }),
    );
  });

  it("lets only A cancel A's published event", async () => {
    const published = await demoEventOfA(
      sql`e.status = 'published' and e.edition_id in (select id from edition where status <> 'archived')`,
    );
    for (const who of ["anonymous", "organiserB", "coordinatorOther"] as const) {
      const response = await t.app.inject({
        method: "POST",
        url: `${base}/${published}/absagen`,
        headers: as(who),
        payload: { _csrf: p[who].session.csrf },
      });
      expect(response.statusCode, who).toBe(who === "anonymous" ? 303 : 404);
    }
    const confirm = await t.app.inject({ method: "GET", url: `${base}/${published}/absagen`, headers: as("organiserA") });
    expect(parseHtml(confirm.body).querySelector(`form[action="${base}/${published}/absagen"] button`)?.textContent).toContain("absagen");
    expect(parseHtml(confirm.body).querySelector("textarea#field-cancelReason[required]")).not.toBeNull();
    await t.database.db
      .update(event)
      .set({ registrationUrl: "https://anmeldung.example/a", registrationEmail: "anmeldung@example.org", mode: "hybrid" })
      .where(eq(event.id, published));
    await t.database.db.update(event).set({ onlineUrl: "https://stream.example/a", onlineUrlPublic: true }).where(eq(event.id, published));
    const cancel = (cancelReason?: string) =>
      t.app.inject({
        method: "POST",
        url: `${base}/${published}/absagen`,
        headers: as("organiserA"),
        payload: { _csrf: p.organiserA.session.csrf, ...(cancelReason === undefined ? {} : { cancelReason }) },
      });
    for (const refused of [undefined, "  ", "x".repeat(501)]) {
      const response = await cancel(refused);
      expect(response.statusCode).toBe(422);
      const doc = parseHtml(response.body);
      expect(doc.querySelector(".error-summary a[href='#field-cancelReason']")).not.toBeNull();
      expect(doc.querySelector("#field-cancelReason")?.getAttribute("aria-invalid")).toBe("true");
    }
    expect((await t.database.db.select().from(event).where(eq(event.id, published)))[0]?.status).toBe("published");
    const hostile = `Unwetter <script>alert("x")</script> & Sturm`;
    const done = await cancel(hostile);
    expect(done.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(event).where(eq(event.id, published));
    expect(row?.status).toBe("cancelled");
    expect(row?.cancelReason).toBe(hostile);
    const publicPage = await t.app.inject({ method: "GET", url: `/veranstaltungen/${published}-${row?.slug}` });
    const shown = parseHtml(publicPage.body);
    expect(shown.querySelector(".banner-cancelled .cancel-reason")?.textContent).toContain(hostile);
    expect(publicPage.body).not.toContain("<script>alert");
    expect(publicPage.body).not.toContain("anmeldung.example");
    expect(publicPage.body).not.toContain("anmeldung@example.org");
    expect(publicPage.body).not.toContain("stream.example");
    const ld = JSON.parse(shown.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");
    expect(ld.eventStatus).toBe("https://schema.org/EventCancelled");
    expect(JSON.stringify(ld)).not.toMatch(/anmeldung\.example|stream\.example/);
    expect(ld.offers).toBeUndefined();
    const api = (await t.app.inject({ method: "GET", url: `/api/v1/events/${published}` })).json();
    expect(api).toMatchObject({ status: "cancelled", cancelReason: hostile, onlineUrl: null, registration: { url: null, email: null } });
    const edit = await t.app.inject({
      method: "POST",
      url: `${base}/${published}`,
      headers: as("organiserA"),
      payload: formOf({ _csrf: p.organiserA.session.csrf, version: String(await versionOf(published)), titleDe: "Nach der Absage" }),
    });
    expect(edit.statusCode).toBe(409);
    expect(parseHtml(edit.body).querySelector("[role=alert]")?.textContent).toContain("nicht mehr geändert");
  });

  it("refuses state-changing requests without a CSRF token (403)", async () => {
    const before = await versionOf(draftA);
    const noToken = await t.app.inject({
      method: "POST",
      url: `${base}/${draftA}`,
      headers: as("organiserA"),
      payload: formOf({ version: String(before), titleDe: "Ohne Token" }),
    });
    expect(noToken.statusCode).toBe(403);
    const foreignToken = await t.app.inject({
      method: "POST",
      url: `${base}/neu`,
      headers: as("organiserA"),
      payload: formOf({ _csrf: p.organiserB.session.csrf, organisationId: String(p.orgA.id) }),
    });
    expect(foreignToken.statusCode).toBe(403);
    expect(await versionOf(draftA)).toBe(before);
  });
});

describe("version check and uploads over HTTP", () => {
  it("answers 409 to a stale save, keeps what was typed and overwrites nothing", async () => {
    const version = await versionOf(draftA);
    await t.app.inject({
      method: "POST",
      url: `${base}/${draftA}`,
      headers: as("organiserA"),
      payload: formOf({ _csrf: p.organiserA.session.csrf, version: String(version), titleDe: "Zuerst gespeichert" }),
    });
    const stale = await t.app.inject({
      method: "POST",
      url: `${base}/${draftA}`,
      headers: as("coordinator"),
      payload: formOf({ _csrf: p.coordinator.session.csrf, version: String(version), titleDe: "Zu spät" }),
    });
    expect(stale.statusCode).toBe(409);
    const doc = parseHtml(stale.body);
    expect(doc.querySelector(".notice-problem")?.textContent).toContain("nichts überschrieben");
    expect(doc.querySelector("#f-titleDe")?.getAttribute("value")).toBe("Zu spät");
    const [row] = await t.database.db.select().from(event).where(eq(event.id, draftA));
    expect(row?.titleDe).toBe("Zuerst gespeichert");
  });

  it("refuses a 20 MB upload with 413 and a page that says why", async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024, 0xff);
    const response = await t.app.inject({
      method: "POST",
      url: `${base}/neu`,
      headers: as("organiserA"),
      payload: formOf(
        { _csrf: p.organiserA.session.csrf, organisationId: String(p.orgA.id) },
        { data: huge, name: "big.jpg", type: "image/jpeg" },
      ),
    });
    expect(response.statusCode).toBe(413);
    expect(parseHtml(response.body).querySelector("[role=alert]")?.textContent).toContain("10 MB");
  });

  it("refuses an SVG and a renamed executable with a message at the image field, keeping the rest", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const exe = (await import("node:fs")).readFileSync(process.execPath).subarray(0, 300_000);
    for (const file of [
      { data: svg, name: "logo.svg", type: "image/svg+xml" },
      { data: exe, name: "foto.jpg", type: "image/jpeg" },
    ]) {
      const response = await t.app.inject({
        method: "POST",
        url: `${base}/neu`,
        headers: as("organiserA"),
        payload: formOf(
          { _csrf: p.organiserA.session.csrf, organisationId: String(p.orgA.id), titleDe: "Mit falschem Bild", imageAlt: "Alt" },
          file,
        ),
      });
      expect(response.statusCode, file.name).toBe(422);
      const doc = parseHtml(response.body);
      expect(doc.querySelector("#f-image-error")?.textContent).toContain("JPEG, PNG oder WebP");
      expect(doc.querySelector("#f-image")?.getAttribute("aria-invalid")).toBe("true");
      expect(doc.querySelector("#f-titleDe")?.getAttribute("value")).toBe("Mit falschem Bild");
    }
    const stored = await t.database.db
      .select()
      .from(event)
      .where(and(eq(event.organisationId, p.orgA.id), eq(event.titleDe, "Mit falschem Bild")));
    expect(stored).toHaveLength(0);
  });

  it("accepts a PNG and shows it on the form with its alt text", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    const created = await t.app.inject({
      method: "POST",
      url: `${base}/neu`,
      headers: as("organiserB"),
      payload: formOf(
        {
          _csrf: p.organiserB.session.csrf,
          organisationId: String(p.orgB.id),
          titleDe: "Mit Bild",
          imageAlt: "Ein blaues Rechteck",
          imageCredit: "Demo",
        },
        { data: png, name: "bild.png", type: "image/png" },
      ),
    });
    expect(created.statusCode).toBe(303);
    const edit = parseHtml((await t.app.inject({ method: "GET", url: String(created.headers.location), headers: as("organiserB") })).body);
    const img = edit.querySelector(".form-image img");
    expect(img?.getAttribute("src")).toMatch(/^\/uploads\/[a-f0-9]{32}\.webp$/);
    expect(img?.getAttribute("alt")).toBe("Ein blaues Rechteck");
  });

  it("refuses a decompression bomb with a message at the image field", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `${base}/neu`,
      headers: as("organiserA"),
      payload: formOf(
        { _csrf: p.organiserA.session.csrf, organisationId: String(p.orgA.id), titleDe: "Mit Bombe" },
        { data: pngBomb(8000, 8000), name: "bild.png", type: "image/png" },
      ),
    });
    expect(response.statusCode).toBe(422);
    expect(parseHtml(response.body).querySelector("#f-image-error")?.textContent).toContain("40 Megapixel");
  });

  it("explains refused actions on a page: cancelling a draft, copying a current event (409)", async () => {
    const cancel = await t.app.inject({
      method: "POST",
      url: `${base}/${draftA}/absagen`,
      headers: as("organiserA"),
      payload: { _csrf: p.organiserA.session.csrf },
    });
    expect(cancel.statusCode).toBe(409);
    expect(parseHtml(cancel.body).querySelector("[role=alert]")?.textContent).toContain("Nur veröffentlichte Veranstaltungen");
    const copy = await t.app.inject({
      method: "POST",
      url: `${base}/${draftA}/duplizieren?lang=en`,
      headers: as("organiserA"),
      payload: { _csrf: p.organiserA.session.csrf },
    });
    expect(copy.statusCode).toBe(409);
    expect(parseHtml(copy.body).querySelector("[role=alert]")?.textContent).toContain("Only events of earlier editions");
    const [row] = await t.database.db.select().from(event).where(eq(event.id, draftA));
    expect(row?.status).toBe("draft");
  });
});
