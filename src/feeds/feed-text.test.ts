import { sql } from "drizzle-orm";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { currentYear } from "../../test/template.ts";
import { queryRows } from "../db/client.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });
const parser = new Parser();

/** What the HTML programme shows: the count in its heading and the event links of its agenda view. */
async function programmeShows(query: string) {
  const list = parseHtml((await get(`/programm?${query}`)).body);
  const count = Number((list.querySelector("#results-heading")?.textContent ?? "").replace(/\D/g, "") || "0");
  const agenda = parseHtml((await get(`/programm/agenda?${query}`)).body);
  const links = [...agenda.querySelectorAll(".event-card a[href^='/veranstaltungen/']")].map(
    (a) => `http://localhost:3000${a.getAttribute("href")}`,
  );
  return { count, links: new Set(links) };
}

describe("GET /feeds/events.rss, .atom, .json", () => {
  it("lists in RSS 2.0 exactly the events the programme shows for the same filter", async () => {
    const response = await get("/feeds/events.rss?state=BW&format=workshop");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/rss\+xml/);
    const feed = await parser.parseString(response.body);
    const shown = await programmeShows("state=BW&format=workshop");
    expect(shown.count).toBeGreaterThan(0);
    expect(feed.items.length).toBe(shown.count);
    expect(new Set(feed.items.map((i) => i.link))).toEqual(shown.links);
    for (const item of feed.items) {
      expect(item.guid).toBe(item.link);
      expect(item.categories).toContain("Workshop");
      expect(item.creator).toBeTruthy(); // dc:creator: RSS 2.0's <author> may only hold an e-mail address
      expect(item.isoDate).toBeTruthy();
    }
    expect(feed.description).toBe(`Veranstaltungen im Programm der Clusterwoche Deutschland ${currentYear}`);
    expect(response.body).toMatch(/^<rss [^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/m);
    expect(response.body).not.toContain("<author>");
    expect((response.body.match(/<dc:creator>/g) ?? []).length).toBe(feed.items.length);
  });

  it("describes the channel in English with lang=en", async () => {
    const feed = await parser.parseString((await get("/feeds/events.rss?lang=en")).body);
    expect(feed.description).toBe(`Events in the programme of Cluster Week Germany ${currentYear}`);
  });

  it("lists all events of the edition in Atom, with ids, authors and links", async () => {
    const response = await get("/feeds/events.atom");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/atom\+xml/);
    const feed = await parser.parseString(response.body);
    const shown = await programmeShows("");
    expect(feed.items.length).toBe(shown.count);
    const ids = feed.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of feed.items) {
      expect(item.link).toMatch(/^http:\/\/localhost:3000\/veranstaltungen\/\d+-[a-z0-9-]+$/);
      expect(item.id).toBe(item.link);
      expect(item.author).toBeTruthy();
    }
    expect(feed.items.some((i) => i.title?.startsWith("Abgesagt: "))).toBe(true);
    expect(response.body).toMatch(/^<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="de">/m);
    expect(response.body).toMatch(/<subtitle>Veranstaltungen im Programm der /);
    expect((await get("/feeds/events.atom?lang=en")).body).toMatch(/^<feed [^>]*xml:lang="en"/m);
  });

  it("writes JSON Feed 1.1 and English texts with lang=en", async () => {
    const response = await get("/feeds/events.json?lang=en&mode=online");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(response.body) as {
      version: string;
      language: string;
      title: string;
      feed_url: string;
      description: string;
      items: { id: string; url: string; title: string; authors: { name: string }[]; author?: unknown; tags: string[] }[];
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.language).toBe("en");
    expect(feed.description).toBe(`Events in the programme of Cluster Week Germany ${currentYear}`);
    expect(feed.feed_url).toBe("http://localhost:3000/feeds/events.json?mode=online&lang=en");
    expect(feed.items.length).toBe((await programmeShows("mode=online")).count);
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.authors[0]?.name).toBeTruthy();
      expect(item).not.toHaveProperty("author"); // deprecated in JSON Feed 1.1
      expect(item.tags.length).toBeGreaterThan(0);
    }
  });

  it("agrees with the programme for organiser, day and text filters", async () => {
    const [org] = await queryRows<{ slug: string }>(
      t.database.db,
      sql`select o.slug from organisation o join event e on e.organisation_id = o.id group by o.slug order by count(*) desc limit 1`,
    );
    expect(org).toBeDefined();
    for (const query of [`org=${org?.slug}`, `day=${currentYear}-04-07&free=true`, "q=Kunststoff&lang=en"]) {
      const feed = JSON.parse((await get(`/feeds/events.json?${query}`)).body) as { items: { url: string }[] };
      const shown = await programmeShows(query);
      expect(feed.items.length, query).toBe(shown.count);
      expect(new Set(feed.items.map((i) => i.url)), query).toEqual(new Set([...shown.links].map((l) => l.replace(/\?lang=en$/, ""))));
    }
  });

  it("answers 400 naming the parameter for unknown filter values", async () => {
    for (const [query, field] of [
      ["state=XX", "state"],
      ["day=garbage", "day"],
      ["format=nope&topic=nope", "format"],
      ["edition=1800", "edition"],
      ["free=maybe", "free"],
      ["lang=fr", "lang"],
    ] as const) {
      const response = await get(`/feeds/events.rss?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = JSON.parse(response.body) as { error: { code: string; message: string; fields: Record<string, string> } };
      expect(body.error.code).toBe("invalid_parameter");
      expect(Object.keys(body.error.fields)).toContain(field);
    }
  });

  it("accepts a search text up to 200 characters, as the API does, and answers a longer one 400 naming q", async () => {
    const longest = "Kunststoff ".repeat(20).slice(0, 200);
    const response = await get(`/feeds/events.json?q=${encodeURIComponent(longest)}`);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).version).toBe("https://jsonfeed.org/version/1.1");
    const tooLong = await get(`/feeds/events.json?q=${encodeURIComponent(`${longest}x`)}`);
    expect(tooLong.statusCode).toBe(400);
    const body = JSON.parse(tooLong.body) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid_parameter");
    expect(Object.keys(body.error.fields)).toEqual(["q"]);
  });
});
