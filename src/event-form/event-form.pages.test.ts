import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { event, eventHistory, eventSession } from "../db/schema/index.ts";
import { openEdition } from "./event-form.fixtures.ts";

let t: TestApp;
let p: Personas;
const base = "/mein-bereich/veranstaltungen";

beforeAll(async () => {
  t = await createTestApp();
  await openEdition(t.database.db);
  p = await createPersonas(t);
});
afterAll(() => t.close());

/** A complete form as a browser sends it (multipart), with overrides. */
function form(csrf: string, fields: Record<string, string | string[]>, image?: { data: Buffer; name: string; type: string }) {
  const all: Record<string, string | string[]> = {
    _csrf: csrf,
    organisationId: String(p.orgA.id),
    titleDe: "Offene Werkstatt Leichtbau",
    summaryDe: "Ein Nachmittag in der Werkstatt.",
    descriptionDe: "Mit **Vorführung**.",
    formatCode: "workshop",
    mode: "onsite",
    "sessions.0.startDate": "2027-04-07",
    "sessions.0.startTime": "14:00",
    "sessions.0.endTime": "17:00",
    "sessions.1.startDate": "2027-04-08",
    "sessions.1.startTime": "10:00",
    "sessions.1.endTime": "12:00",
    "venue.name": "Technikum",
    "venue.street": "Hauptstraße 1",
    "venue.postalCode": "70173",
    "venue.city": "Stuttgart",
    "venue.stateCode": "BW",
    "venue.country": "DE",
    isFree: "yes",
    languages: ["de", "en"],
    topics: ["materials"],
    ...fields,
  };
  const data = new FormData();
  for (const [key, value] of Object.entries(all)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  if (image) data.append("image", new Blob([new Uint8Array(image.data)], { type: image.type }), image.name);
  return data;
}
const post = (
  url: string,
  who: keyof Pick<Personas, "organiserA" | "organiserB" | "coordinator" | "coordinatorOther" | "editor" | "admin" | "anonymous">,
  payload: FormData,
) => t.app.inject({ method: "POST", url, headers: { cookie: p[who].session.cookie }, payload });
const get = (url: string, who: keyof Personas & string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: p[who as "organiserA"].session.cookie } });
const idFromLocation = (location: unknown) => Number(/veranstaltungen\/(\d+)/.exec(String(location))?.[1]);

describe("event form over HTTP", () => {
  it("creates an event with two dates and an image, then submits it", async () => {
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#3a6" } })
      .jpeg()
      .withExif({ IFD0: { Model: "GPS-Cam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1" } })
      .toBuffer();
    const created = await post(
      `${base}/neu`,
      "organiserA",
      form(
        p.organiserA.session.csrf,
        { imageAlt: "Menschen an einer Werkbank", imageCredit: "Foto: Demo" },
        { data: photo, name: "foto.jpg", type: "image/jpeg" },
      ),
    );
    expect(created.statusCode, created.body.slice(0, 500)).toBe(303);
    const id = idFromLocation(created.headers.location);
    const [row] = await t.database.db.select().from(event).where(eq(event.id, id));
    expect(row).toMatchObject({ status: "draft", organisationId: p.orgA.id, imageAlt: "Menschen an einer Werkbank" });
    expect(row?.imageUrl).toMatch(/^\/uploads\/[a-f0-9]{32}\.webp$/);
    expect(await t.database.db.select().from(eventSession).where(eq(eventSession.eventId, id))).toHaveLength(2);
    const image = await t.app.inject({ method: "GET", url: row?.imageUrl ?? "" });
    expect(image.statusCode).toBe(200);
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta.width).toBe(1600);
    expect(meta.exif).toBeUndefined();

    const edit = await get(`${base}/${id}`, "organiserA");
    expect(edit.statusCode).toBe(200);
    const doc = parseHtml(edit.body);
    expect(doc.querySelector<HTMLInputElement>("#f-titleDe")?.getAttribute("value")).toBe("Offene Werkstatt Leichtbau");
    expect(doc.querySelector<HTMLInputElement>("#f-sessions-1-startDate")?.getAttribute("value")).toBe("2027-04-08");

    const submitted = await post(
      `${base}/${id}`,
      "organiserA",
      form(p.organiserA.session.csrf, {
        version: "1",
        imageUrl: row?.imageUrl ?? "",
        imageAlt: "Menschen an einer Werkbank",
        imageCredit: "Foto: Demo",
        _action: "submit",
      }),
    );
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toContain("hinweis=submitted");
    const [after] = await t.database.db.select().from(event).where(eq(event.id, id));
    expect(after?.status).toBe("submitted");
    const page = parseHtml((await get(`${base}/${id}`, "organiserA")).body);
    expect(page.querySelector(".status-box")?.textContent).toContain("bleibt sie eingereicht");
  });

  it("keeps everything typed when a date is broken, with the error at the field and in the summary", async () => {
    const response = await post(
      `${base}/neu`,
      "organiserA",
      form(p.organiserA.session.csrf, { "sessions.1.startDate": "2027-13-45", titleEn: "Open workshop", "venue.city": "Esslingen" }),
    );
    expect(response.statusCode).toBe(422);
    const doc = parseHtml(response.body);
    const input = doc.querySelector("#f-sessions-1-startDate");
    expect(input?.getAttribute("value")).toBe("2027-13-45");
    expect(input?.getAttribute("aria-invalid")).toBe("true");
    expect(doc.getElementById(input?.getAttribute("aria-describedby")?.split(" ").pop() ?? "")?.textContent).toContain("gültiges Datum");
    const summary = doc.querySelector("#error-summary");
    expect(summary?.hasAttribute("autofocus")).toBe(true);
    expect(summary?.querySelector('a[href="#f-sessions-1-startDate"]')).not.toBeNull();
    expect(doc.querySelector("#f-titleEn")?.getAttribute("value")).toBe("Open workshop");
    expect(doc.querySelector("#f-venue-city")?.getAttribute("value")).toBe("Esslingen");
    expect(doc.querySelector("#f-sessions-0-startTime")?.getAttribute("value")).toBe("14:00");
    expect(doc.querySelector<HTMLInputElement>('input[name="languages"][value="en"]')?.hasAttribute("checked")).toBe(true);
  });

  it("adds an empty date row without JavaScript", async () => {
    const response = await post(`${base}/neu`, "organiserA", form(p.organiserA.session.csrf, { _action: "addDate" }));
    expect(response.statusCode).toBe(200);
    const doc = parseHtml(response.body);
    expect(doc.querySelectorAll(".session-row")).toHaveLength(3);
    expect(doc.querySelector("#f-sessions-2-startDate")?.getAttribute("value")).toBe("");
    expect(doc.querySelector("#error-summary")).toBeNull();
  });

  it("autosaves for the enhancement script: JSON with the new version, 409 when stale", async () => {
    const created = await post(`${base}/neu`, "organiserA", form(p.organiserA.session.csrf, { titleDe: "Autosave-Test" }));
    const id = idFromLocation(created.headers.location);
    const save = (version: string, title: string) =>
      post(`${base}/${id}`, "organiserA", form(p.organiserA.session.csrf, { _action: "autosave", version, titleDe: title }));
    const first = await save("1", "Autosave-Test, Fassung 2");
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ version: 2, status: "draft" });
    const stale = await save("1", "Veraltet");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    const invalid = await save("2", "");
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.fields).toMatchObject({ titleDe: "required" });
    const [row] = await t.database.db.select().from(event).where(eq(event.id, id));
    expect(row?.titleDe).toBe("Autosave-Test, Fassung 2");
    const page = parseHtml((await get(`${base}/${id}`, "organiserA")).body);
    expect(page.querySelector('script[src^="/static/event-form."]')).not.toBeNull();
    expect(page.querySelector("form[data-autosave]")).not.toBeNull();
  });

  it("lists plausibility warnings with their reason before and after submitting", async () => {
    const created = await post(
      `${base}/neu`,
      "organiserA",
      form(p.organiserA.session.csrf, {
        titleDe: "Hybrid ohne Link",
        mode: "hybrid",
        "venue.postalCode": "80331",
        "sessions.1.startDate": "2027-05-20",
      }),
    );
    const id = idFromLocation(created.headers.location);
    const draft = parseHtml((await get(`${base}/${id}`, "organiserA")).body);
    const reasons = [...draft.querySelectorAll(".checks li")].map((li) => li.textContent ?? "");
    expect(reasons).toHaveLength(3);
    expect(reasons.join("\n")).toContain("ohne Link zur Online-Teilnahme");
    expect(reasons.join("\n")).toContain("Postleitzahl 80331");
    expect(reasons.join("\n")).toContain("außerhalb der Aktionswoche");
    const submitted = await post(
      `${base}/${id}`,
      "organiserA",
      form(p.organiserA.session.csrf, {
        version: "1",
        titleDe: "Hybrid ohne Link",
        mode: "hybrid",
        "venue.postalCode": "80331",
        "sessions.1.startDate": "2027-05-20",
        _action: "submit",
      }),
    );
    expect(submitted.headers.location).toContain("hinweis=submitted");
    const [row] = await t.database.db.select().from(event).where(eq(event.id, id));
    expect(row?.status).toBe("submitted");
    expect(row?.checks.map((c) => c.code).sort()).toEqual(["onlineWithoutUrl", "outsideEdition", "postalCodeState"]);
    const english = parseHtml((await get(`${base}/${id}?lang=en`, "organiserA")).body);
    expect(english.querySelector(".checks")?.textContent).toContain("without a link to join online");
  });
});

describe("hostile input", () => {
  it("never answers 500 to garbage in any field", async () => {
    const nasty = [
      "",
      " ",
      "abc",
      "-1",
      "1e309",
      "NaN",
      "2027-02-29",
      "25:99",
      "ÿ".repeat(300),
      "<x>",
      "\u0000",
      "x".repeat(25_000),
      "javascript:alert(1)",
      "99999999999999999999",
    ];
    const names = [
      "titleDe",
      "summaryDe",
      "formatCode",
      "mode",
      "sessions.0.startDate",
      "sessions.0.startTime",
      "sessions.0.endDate",
      "sessions.0.endTime",
      "venue.latitude",
      "venue.country",
      "venue.stateCode",
      "capacity",
      "partnerCountries",
      "languages",
      "topics",
      "registrationDeadline",
      "registrationEmail",
      "imageUrl",
      "links.0.url",
      "organisationId",
      "isFree",
    ];
    for (const name of names) {
      for (const value of nasty) {
        const response = await post(`${base}/neu`, "organiserA", form(p.organiserA.session.csrf, { [name]: value }));
        expect([303, 404, 422], `${name}=${JSON.stringify(value.slice(0, 20))}`).toContain(response.statusCode);
      }
    }
  }, 120_000);
});

describe("round trip", () => {
  it("posting an unchanged published demo event back changes no field (its revision equals it)", async () => {
    // Events of an archived edition are read-only (editions/edition-rules.ts): round-trip the others.
    const rows = await t.database.db.execute(
      sql`(select e.id from event e join edition ed on ed.id = e.edition_id where ed.status <> 'archived' and e.status = 'published'
          and jsonb_array_length(e.links) > 0 and e.venue_id is not null and cardinality(e.topics) > 0 order by e.id limit 3)
          union (select id from event where status = 'published' and edition_id in (select id from edition where status <> 'archived') and mode = 'online' order by id limit 2)
          union (select id from event where status = 'published' and edition_id in (select id from edition where status <> 'archived') and jsonb_array_length(co_organisers) > 0 order by id limit 2)
          union (select id from event where status = 'published' and edition_id in (select id from edition where status <> 'archived') and cardinality(partner_countries) > 0 order by id limit 2)
          union (select e.id from event e where e.status = 'published' and e.edition_id in (select id from edition where status <> 'archived') and exists (select 1 from event_session s where s.event_id = e.id and s.all_day) order by e.id limit 2)
          union (select e.id from event e where e.status = 'published' and e.edition_id in (select id from edition where status <> 'archived') and (select count(*) from event_session s where s.event_id = e.id) > 1 order by e.id limit 2)
          union (select id from event where status = 'published' and edition_id in (select id from edition where status <> 'archived') and registration_deadline is not null and not is_free order by id limit 2)`,
    );
    const ids = (rows as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const page = parseHtml((await get(`${base}/${id}`, "editor")).body);
      const data = new FormData();
      for (const el of page.querySelectorAll("form.event-form input, form.event-form textarea, form.event-form select")) {
        const name = el.getAttribute("name");
        const type = el.getAttribute("type");
        if (!name || type === "file" || el.tagName === "BUTTON") continue;
        if ((type === "checkbox" || type === "radio") && !el.hasAttribute("checked")) continue;
        if (el.tagName === "SELECT") data.append(name, el.querySelector("option[selected]")?.getAttribute("value") ?? "");
        else if (el.tagName === "TEXTAREA") data.append(name, el.textContent ?? "");
        else data.append(name, el.getAttribute("value") ?? "");
      }
      data.set("_csrf", p.editor.session.csrf);
      const saved = await post(`${base}/${id}`, "editor", data);
      expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
      const [history] = await t.database.db
        .select()
        .from(eventHistory)
        .where(and(eq(eventHistory.eventId, id), eq(eventHistory.action, "revise")));
      expect(history, `no revise entry for ${id}`).toBeDefined();
      expect(
        history?.changes.map((c) => c.field),
        JSON.stringify(history?.changes),
      ).toEqual([]);
    }
  });
});
