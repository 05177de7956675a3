import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";
import { formFromEvent, inputFromForm } from "../event-form/event-form-data.ts";
import { getPublicEvent } from "./get-public-event.ts";

let t: TestApp;
let path: string;
let id: number;
const CONTACT = "erika.musterfrau@example.org";
const JOIN = "https://meet.example.org/secret-room-4711";

beforeAll(async () => {
  t = await createTestApp();
  const [row] = await queryRows<{ id: number; slug: string }>(
    t.database.db,
    sql`select id, slug from event where status = 'published' and mode = 'hybrid' and edition_id = (select id from edition where year = 2019) order by id limit 1`,
  );
  if (!row) throw new Error("the demo data lacks a published hybrid event");
  ({ id } = row);
  path = `/veranstaltungen/${row.id}-${row.slug}`;
  await t.database.db.execute(
    sql`update event set contact_name = 'Erika Musterfrau', contact_email = ${CONTACT}, contact_phone = '+49 711 4711', online_url = ${JOIN} where id = ${id}`,
  );
});
afterAll(() => t.close());

const setChoice = (contactPublic: boolean, onlineUrlPublic: boolean) =>
  t.database.db.execute(sql`update event set contact_public = ${contactPublic}, online_url_public = ${onlineUrlPublic} where id = ${id}`);

/** Every public output that shows this event. */
async function publicOutputs(): Promise<Record<string, string>> {
  const urls = {
    page: path,
    pageEn: `${path}?lang=en`,
    ics: `${path}.ics`,
    api: `/api/v1/events/${id}`,
    feedIcs: "/feeds/events.ics?edition=2019",
    rss: "/feeds/events.rss?edition=2019",
    atom: "/feeds/events.atom?edition=2019",
    json: "/feeds/events.json?edition=2019",
    csv: "/export/events.csv?edition=2019",
  };
  const out: Record<string, string> = {};
  for (const [name, url] of Object.entries(urls)) {
    const response = await t.app.inject({ method: "GET", url });
    expect(response.statusCode, url).toBe(200);
    out[name] = response.body;
  }
  return out;
}

describe("private event fields in public outputs", () => {
  it("leaves out the contact person and the access link unless the organiser chose to publish them", async () => {
    await setChoice(false, false);
    for (const [name, body] of Object.entries(await publicOutputs())) {
      expect(body, name).not.toContain(CONTACT);
      expect(body, name).not.toContain("Erika Musterfrau");
      expect(body, name).not.toContain("secret-room-4711");
    }
    const page = (await t.app.inject({ method: "GET", url: path })).body;
    expect(page).toContain("den Zugangslink erhalten Sie nach der Anmeldung");
    const ics = (await t.app.inject({ method: "GET", url: `${path}.ics` })).body;
    expect(ics).not.toMatch(/^ORGANIZER/m);
  });

  it("shows them where chosen: the contact on the page and as ORGANIZER, the link on the page, in JSON-LD and the API", async () => {
    await setChoice(true, true);
    const out = await publicOutputs();
    expect(out.page).toContain(`mailto:${CONTACT}`);
    expect(out.ics).toMatch(/^ORGANIZER;CN="?Erika Musterfrau"?:mailto:erika\.musterfrau@example\.org/m);
    expect(out.page).toContain(JOIN);
    expect(out.page).toMatch(/"VirtualLocation","url":"https:\/\/meet\.example\.org\/secret-room-4711"/);
    expect(JSON.parse(out.api ?? "{}").onlineUrl).toBe(JOIN);
  });

  it("keeps both choices through the form", async () => {
    await setChoice(true, false);
    const e = await getPublicEvent(t.database.db, id);
    if (!e) throw new Error("event not public");
    const values = formFromEvent(e);
    expect(values.contactPublic).toBe("1");
    expect(values.onlineUrlPublic).toBe("");
    const input = inputFromForm({ ...values, onlineUrlPublic: "1" });
    expect(input.contactPublic).toBe(true);
    expect(input.onlineUrlPublic).toBe(true);
    expect(inputFromForm({ ...values, contactPublic: [] }).contactPublic).toBe(false);
  });
});
