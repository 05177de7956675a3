import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { queryRows } from "../db/client.ts";
import { priceOf } from "./event-json-ld.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Json = Record<string, unknown>;
type DemoEvent = {
  id: number;
  slug: string;
  status: string;
  mode: string;
  is_free: boolean;
  cost_text: string | null;
  registration_url: string | null;
  published_at: Date | null;
  image_url: string | null;
  online_url: string | null;
  online_url_public: boolean;
  contact_email: string | null;
  contact_phone: string | null;
  contact_public: boolean;
  venue_state: string | null;
  state_name: string | null;
  state_name_en: string | null;
  sessions: { startsAt: string; endsAt: string; allDay: boolean }[];
};

/** Every public event of the demo, all editions, with what its JSON-LD must say. */
const demoEvents = () =>
  queryRows<DemoEvent>(
    t.database.db,
    sql`select e.id, e.slug, e.status, e.mode, e.is_free, e.cost_text, e.registration_url, e.published_at, e.image_url,
          e.online_url, e.online_url_public, e.contact_email, e.contact_phone, e.contact_public,
          v.state_code as venue_state, st.name_de as state_name, st.name_en as state_name_en,
          (select json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at, 'allDay', s.all_day) order by s.starts_at, s.id)
             from event_session s where s.event_id = e.id) as sessions
        from event e left join venue v on v.id = e.venue_id left join state st on st.code = v.state_code
        where e.status in ('published', 'cancelled') order by e.id`,
  );

// Independent of the code under test: Intl gives the Berlin wall clock and its offset.
const berlinParts = (instant: Date) => {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}:${part("minute")}:${part("second")}`,
    offset: part("timeZoneName").replace("GMT", ""),
  };
};
const localDateTime = (instant: Date) => {
  const p = berlinParts(instant);
  return `${p.day}T${p.time}${p.offset}`;
};
const expectedDates = (s: { startsAt: string; endsAt: string; allDay: boolean }) =>
  s.allDay
    ? { startDate: berlinParts(new Date(s.startsAt)).day, endDate: berlinParts(new Date(Date.parse(s.endsAt) - 1)).day }
    : { startDate: localDateTime(new Date(s.startsAt)), endDate: localDateTime(new Date(s.endsAt)) };

const isUrl = (value: unknown) => typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Json[];

/** Google's event rich results: required fields, then the recommended ones (developers.google.com/search/docs/appearance/structured-data/event). */
function checkGoogleEventFields(ld: Json, where: string): void {
  // Required: name, startDate, location (a Place with an address, or a VirtualLocation with a url).
  expect(typeof ld.name === "string" && ld.name.length > 0, `${where}: name`).toBe(true);
  expect(ld.startDate, `${where}: startDate`).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
  const locations = listOf(ld.location);
  expect(locations.length, `${where}: location`).toBeGreaterThan(0);
  for (const location of locations) {
    if (location["@type"] === "VirtualLocation") {
      expect(isUrl(location.url), `${where}: VirtualLocation.url`).toBe(true);
      continue;
    }
    expect(location["@type"], `${where}: location type`).toBe("Place");
    expect(location.name, `${where}: Place.name`).toBeTruthy();
    const address = location.address as Json;
    expect(address["@type"], `${where}: address`).toBe("PostalAddress");
    for (const field of ["streetAddress", "addressLocality", "postalCode", "addressCountry"]) {
      expect(address[field], `${where}: address.${field}`).toBeTruthy();
    }
    if (address.addressCountry === "DE") expect(address.addressRegion, `${where}: address.addressRegion`).toBeTruthy();
  }
  // Recommended: description, endDate, eventAttendanceMode, eventStatus, image, offers, organizer.
  // (performer is left out: the data has none; previousStartDate applies only to rescheduled events.)
  expect(ld.description, `${where}: description`).toBeTruthy();
  expect(ld.endDate, `${where}: endDate`).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
  expect(String(ld.endDate) >= String(ld.startDate).slice(0, String(ld.endDate).length), `${where}: end before start`).toBe(true);
  expect(ld.eventAttendanceMode, `${where}: eventAttendanceMode`).toMatch(
    /^https:\/\/schema\.org\/(Offline|Online|Mixed)EventAttendanceMode$/,
  );
  expect(ld.eventStatus, `${where}: eventStatus`).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled)$/);
  const images = listOf(ld.image) as unknown[];
  expect(images.length, `${where}: image`).toBeGreaterThan(0);
  for (const image of images) expect(isUrl(image), `${where}: image URL`).toBe(true);
  // A cancelled event offers nothing: no registration, no offers (issue #13.5).
  if (ld.eventStatus === "https://schema.org/EventCancelled") {
    expect(ld.offers, `${where}: offers of a cancelled event`).toBeUndefined();
  } else checkOffer(ld.offers as Json, where);
  const organizer = ld.organizer as Json;
  expect(organizer.name, `${where}: organizer.name`).toBeTruthy();
  expect(isUrl(organizer.url), `${where}: organizer.url`).toBe(true);
}

function checkOffer(offer: Json, where: string) {
  expect(offer["@type"], `${where}: offers`).toBe("Offer");
  expect(offer.availability, `${where}: offers.availability`).toMatch(/^https:\/\/schema\.org\//);
  expect(offer.priceCurrency, `${where}: offers.priceCurrency`).toBe("EUR");
  expect(isUrl(offer.url), `${where}: offers.url`).toBe(true);
  expect(offer.validFrom, `${where}: offers.validFrom`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
}

const jsonLdOf = async (url: string): Promise<Json> => {
  const response = await t.app.inject({ method: "GET", url });
  expect(response.statusCode, url).toBe(200);
  const scripts = parseHtml(response.body).querySelectorAll('script[type="application/ld+json"]');
  expect(scripts.length, url).toBe(1);
  return JSON.parse(scripts[0]?.textContent ?? "{}") as Json;
};

describe("schema.org Event JSON-LD of every demo event page", () => {
  it("has Google's required and recommended fields, Berlin dates, offers, image and region, and nothing private", async () => {
    const events = await demoEvents();
    expect(events.length).toBeGreaterThan(300);
    const seen = { allDay: 0, timed: 0, paid: 0, priced: 0, subEvents: 0, virtual: 0, ownImage: 0, cancelled: 0 };
    for (const e of events) {
      const url = `/veranstaltungen/${e.id}-${e.slug}`;
      const ld = await jsonLdOf(url);
      checkGoogleEventFields(ld, url);
      expect(ld.url).toBe(`http://localhost:3000${url}`);

      // Dates: all-day as days (the end its last day), timed in Berlin local time with offset.
      const first = e.sessions[0];
      if (!first) throw new Error(`${url} has no sessions`);
      const last = e.sessions.reduce((a, s) => (s.endsAt >= a.endsAt ? s : a), first);
      expect(ld.startDate, url).toBe(expectedDates(first).startDate);
      expect(ld.endDate, url).toBe(expectedDates(last).endDate);
      if (first.allDay) seen.allDay++;
      else seen.timed++;
      if (e.sessions.length > 1) {
        seen.subEvents++;
        const subEvents = listOf(ld.subEvent);
        expect(
          subEvents.map((s) => ({ startDate: s.startDate, endDate: s.endDate })),
          url,
        ).toEqual(e.sessions.map(expectedDates));
        for (const [i, sub] of subEvents.entries())
          checkGoogleEventFields({ ...sub, offers: ld.offers, image: ld.image, organizer: ld.organizer }, `${url} subEvent ${i}`);
      } else {
        expect(ld.subEvent, url).toBeUndefined();
      }

      // Offers: free and paid; the cost text; registration; validFrom = publication. A cancelled event
      // offers nothing (checked in checkGoogleEventFields).
      if (ld.eventStatus === "https://schema.org/EventCancelled") seen.cancelled++;
      else {
        const offer = ld.offers as Json;
        expect(offer.url, url).toBe(e.registration_url ?? `http://localhost:3000${url}`);
        if (e.published_at) expect(Date.parse(String(offer.validFrom)), url).toBe(new Date(e.published_at).getTime());
        if (e.is_free) {
          expect(offer.price, url).toBe(0);
          expect(ld.isAccessibleForFree, url).toBe(true);
        } else {
          seen.paid++;
          expect(offer.description, url).toBe(e.cost_text ?? undefined);
          expect(ld.isAccessibleForFree, url).toBeUndefined();
          if (offer.price !== undefined) seen.priced++;
          expect(offer.price, url).toBe(priceOf(e.cost_text));
        }
      }

      // Image: the event's own, else (and always after it) its share card.
      const images = listOf(ld.image) as unknown as string[];
      expect(images.at(-1), url).toMatch(new RegExp(`^http://localhost:3000/veranstaltungen/${e.id}/teilen\\.png\\?v=[0-9a-f]+$`));
      if (e.image_url) {
        seen.ownImage++;
        expect(images[0], url).toBe(new URL(e.image_url, "http://localhost:3000").href);
      }

      const place = listOf(ld.location).find((l) => l["@type"] === "Place");
      if (place)
        expect((place.address as Json).addressRegion, url).toBe(
          e.venue_state === "international" ? undefined : (e.state_name ?? undefined),
        );
      if (listOf(ld.location).some((l) => l["@type"] === "VirtualLocation")) seen.virtual++;

      // Privacy (publicFields): no contact or access link the organiser did not publish.
      const text = JSON.stringify(ld);
      if (e.online_url && !e.online_url_public) expect(text, url).not.toContain(e.online_url);
      if (!e.contact_public) {
        if (e.contact_email) expect(text, url).not.toContain(e.contact_email);
        if (e.contact_phone) expect(text, url).not.toContain(e.contact_phone);
      }
    }
    // The demo covers every case checked above.
    for (const [name, count] of Object.entries(seen)) if (name !== "ownImage") expect(count, name).toBeGreaterThan(0);
  }, 240_000);

  it("serves the share card it names as the image", async () => {
    const [e] = await demoEvents();
    if (!e) throw new Error("no demo event");
    const ld = await jsonLdOf(`/veranstaltungen/${e.id}-${e.slug}`);
    const card = new URL(String(listOf(ld.image).at(-1)));
    const response = await t.app.inject({ method: "GET", url: `${card.pathname}${card.search}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/png");
  });

  it("writes English names with lang=en and keeps the dates", async () => {
    const [e] = (await demoEvents()).filter((x) => x.status === "published" && x.venue_state && x.venue_state !== "international");
    if (!e) throw new Error("no demo event");
    const de = await jsonLdOf(`/veranstaltungen/${e.id}-${e.slug}`);
    const en = await jsonLdOf(`/veranstaltungen/${e.id}-${e.slug}?lang=en`);
    expect([en.startDate, en.endDate]).toEqual([de.startDate, de.endDate]);
    const place = listOf(en.location).find((l) => l["@type"] === "Place");
    expect((place?.address as Json | undefined)?.addressRegion).toBe(e.state_name_en);
  });
});

describe("priceOf", () => {
  it("reads the first amount of a cost text, in euros", () => {
    expect(priceOf("50 € zzgl. MwSt.")).toBe(50);
    expect(priceOf("120 € zzgl. MwSt., Mitglieder 80 €")).toBe(120);
    expect(priceOf("Teilnahmegebühr 95 € zzgl. MwSt.")).toBe(95);
    expect(priceOf("EUR 12,50")).toBe(12.5);
    expect(priceOf("19.90 Euro")).toBe(19.9);
    expect(priceOf("nach Vereinbarung")).toBeUndefined();
    expect(priceOf("<script>alert(1)</script>")).toBeUndefined();
    expect(priceOf(null)).toBeUndefined();
  });
});
