import type { LightMyRequestResponse } from "fastify";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { berlinDay } from "../events/event-dates.ts";
import { formatTime } from "../lib/format-date.ts";
import { currentEdition } from "../organiser/current-edition.ts";
import { browserOf } from "../organiser/page-test-kit.ts";

/**
 * An item under embargo is nowhere before its time and everywhere after it, with the response cache
 * on and the clock pinned: the release job (run by the scheduler at the new time) moves data_version,
 * which drops every cached page, feed and API answer.
 */
const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
let now = start;
let t: TestApp;
let p: Personas;
let year = 0;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE: "on", PUBLIC_CACHE_POLL_MS: "100" }, undefined, { clock: () => now });
  p = await createPersonas(t);
  year = (await currentEdition(t.database.db))?.year ?? 0;
});
afterAll(() => t.close());

const parser = new Parser();
const slug = "sperrfrist-auftakt";
const title = "Auftakt mit Sperrfrist";
const get = (url: string) => t.app.inject({ method: "GET", url });
const text = (r: LightMyRequestResponse) => r.body;

/** Every public place a news item shows, each answering whether it shows the item. */
const places: Record<string, (r: LightMyRequestResponse) => Promise<boolean> | boolean> = {
  [`/aktuelles/${slug}`]: (r) => r.statusCode === 200 && text(r).includes(title),
  "/aktuelles": (r) => text(r).includes(title),
  "/aktuelles?lang=en": (r) => text(r).includes("Kick-off under embargo"),
  "/presse": (r) => text(r).includes(title),
  "/feeds/aktuelles.rss": async (r) => (await parser.parseString(text(r))).items.some((i) => i.title === title),
  "/feeds/aktuelles.atom": async (r) => (await parser.parseString(text(r))).items.some((i) => i.title === title),
  "/feeds/presse.rss": async (r) => (await parser.parseString(text(r))).items.some((i) => i.title === title),
  "/feeds/presse.atom?lang=en": async (r) => (await parser.parseString(text(r))).items.some((i) => i.title === "Kick-off under embargo"),
  "/api/v1/news": (r) => (JSON.parse(text(r)) as { data: { slug: string }[] }).data.some((n) => n.slug === slug),
  "/api/v1/news?press=true": (r) => (JSON.parse(text(r)) as { data: { slug: string }[] }).data.some((n) => n.slug === slug),
  [`/api/v1/news/${slug}`]: (r) => r.statusCode === 200 && (JSON.parse(text(r)) as { title: string }).title === title,
  "/sitemap.xml": (r) => text(r).includes(`/aktuelles/${slug}</loc>`) && text(r).includes(`/aktuelles/${slug}?lang=en</loc>`),
};

async function shows(url: string): Promise<boolean> {
  const check = places[url.replace(/&edition=\d+$/, "")];
  if (!check) throw new Error(url);
  return check(await get(url));
}
/** The places, the edition filter of the API with the demo's current year. */
const urls = () => Object.keys(places).map((u) => (u === "/api/v1/news?press=true" ? `${u}&edition=${year}` : u));

describe("news under embargo (pinned clock, response cache on)", () => {
  it("is nowhere before its time, even when every page was cached, and everywhere after it without anyone acting", async () => {
    const at = new Date(start.getTime() + 2 * 60_000);
    const created = await browserOf(t.app, p.editor.session).post("/mein-bereich/aktuelles/neu", {
      slug,
      edition: year,
      titleDe: title,
      titleEn: "Kick-off under embargo",
      summaryDe: "Die Woche beginnt.",
      bodyDe: "Der **Auftakt** findet in Hannover statt.",
      press: "on",
      publishDay: berlinDay(at),
      publishTime: formatTime("de", at),
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(303);

    // Before: rendered and cached (each asked twice: the second is a cache hit where the route is kept).
    for (const url of urls()) {
      expect(await shows(url), `${url} before`).toBe(false);
      expect(await shows(url), `${url} before (cached)`).toBe(false);
    }
    expect((await get(`/aktuelles/${slug}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/news/${slug}`)).statusCode).toBe(404);
    expect((await get("/aktuelles")).headers["x-cache"]).toBe("hit");

    // One second before the end of the embargo the release job finds nothing to do.
    now = new Date(at.getTime() - 1000);
    expect(await t.app.scheduler.runDue(now, ["news-release"])).toEqual({ "news-release": { released: 0 } });
    for (const url of urls()) expect(await shows(url), `${url} 1 s before`).toBe(false);

    // Its time comes: the scheduler runs the release job at the (pinned) time; nobody else acts.
    now = new Date(at.getTime() + 60_000);
    expect(await t.app.scheduler.runDue(undefined, ["news-release"])).toEqual({ "news-release": { released: 1 } });
    // Within the cache's poll (100 ms here; a NOTIFY usually sooner) every place shows it.
    for (const url of urls()) {
      let seen = false;
      const begin = Date.now();
      while (!seen && Date.now() - begin < 3000) seen = await shows(url);
      expect(seen, `${url} after`).toBe(true);
    }
    const page = await get(`/aktuelles/${slug}`);
    expect(page.body).toContain("<strong>Auftakt</strong>");
    const item = JSON.parse((await get(`/api/v1/news/${slug}?lang=en`)).body) as unknown;
    expect(item).toMatchObject({ title: "Kick-off under embargo", press: true, edition: year });
  });
});
