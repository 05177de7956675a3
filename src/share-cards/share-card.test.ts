import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { queryRows } from "../db/client.ts";
import { getShareCardData } from "./get-share-card.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

async function eventWhere(where: ReturnType<typeof sql>) {
  const [row] = await queryRows<{ id: number; slug: string }>(
    t.database.db,
    sql`select e.id, e.slug from event e where ${where} order by e.id limit 1`,
  );
  if (!row) throw new Error("the demo data lacks such an event");
  return row;
}

const setTitle = (id: number, title: string) => t.database.db.execute(sql`update event set title_de = ${title} where id = ${id}`);

/** Share of near-white pixels (the title's colour) in the title area of a card. */
async function titleInk(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png)
    .extract({ left: 80, top: 60, width: 1040, height: 240 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let white = 0;
  for (let i = 0; i < data.length; i += info.channels)
    if ((data[i] ?? 0) > 200 && (data[i + 1] ?? 0) > 200 && (data[i + 2] ?? 0) > 200) white++;
  return white / (info.width * info.height);
}

async function fetchCard(id: number, headers: Record<string, string> = {}) {
  const response = await get(`/veranstaltungen/${id}/teilen.png`, headers);
  return { response, png: response.rawPayload };
}

describe("share card", () => {
  it("is a 1200×630 PNG with HTTP caching headers and answers 304 when unchanged", async () => {
    const e = await eventWhere(sql`e.status = 'published'`);
    const { response, png } = await fetchCard(e.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/png");
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
    expect(await titleInk(png)).toBeGreaterThan(0.02);
    expect(response.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"sc-[0-9a-f]{16}"$/);
    // The versioned URL (as og:image links it) never changes its bytes: cached for long.
    const versioned = await get(`/veranstaltungen/${e.id}/teilen.png?v=${etag.slice(4, -1)}`);
    expect(versioned.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(versioned.rawPayload.equals(png)).toBe(true);
    const again = await get(`/veranstaltungen/${e.id}-${e.slug}/teilen.png`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("is linked from the event page by og:image with size, alt text and a large Twitter card", async () => {
    const e = await eventWhere(sql`e.status = 'published' and e.title_en is not null`);
    for (const lang of ["de", "en"]) {
      const page = await get(`/veranstaltungen/${e.id}-${e.slug}${lang === "en" ? "?lang=en" : ""}`);
      const doc = parseHtml(page.body);
      const content = (selector: string) => doc.querySelector(selector)?.getAttribute("content") ?? "";
      const image = content('meta[property="og:image"]');
      expect(image).toMatch(new RegExp(`^http://localhost:3000/veranstaltungen/${e.id}/teilen\\.png\\?v=[0-9a-f]{16}`));
      expect(image.includes("lang=en")).toBe(lang === "en");
      expect(content('meta[property="og:image:width"]')).toBe("1200");
      expect(content('meta[property="og:image:height"]')).toBe("630");
      expect(content('meta[property="og:image:alt"]')).toContain(content('meta[property="og:title"]'));
      expect(content('meta[name="twitter:card"]')).toBe("summary_large_image");
      expect(content('meta[name="twitter:image"]')).toBe(image);
      const card = await get(image.replace("http://localhost:3000", ""));
      expect(card.statusCode).toBe(200);
      expect(card.headers.etag).toBe(`"sc-${new URL(image).searchParams.get("v")}"`);
    }
  });

  it("is cached on disk and served from there while the content is unchanged", async () => {
    const e = await eventWhere(sql`e.status = 'published' and e.mode = 'online'`);
    const dir = path.join(t.app.config.dataDir, "cache", "share-cards");
    const first = await fetchCard(e.id);
    const files = fs.readdirSync(dir).filter((name) => name.startsWith(`${e.id}-de-`));
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0] ?? "");
    expect(fs.readFileSync(file).equals(first.png)).toBe(true);
    // A marker in the cache file shows the second answer comes from disk, not from a new render.
    const marker = await sharp({ create: { width: 1200, height: 630, channels: 3, background: "#00ff00" } })
      .png()
      .toBuffer();
    fs.writeFileSync(file, marker);
    expect((await fetchCard(e.id)).png.equals(marker)).toBe(true);
  });

  it("still serves the card when the cache folder cannot be written", async () => {
    const e = await eventWhere(sql`e.status = 'published' and e.mode = 'hybrid'`);
    const dir = path.join(t.app.config.dataDir, "cache", "share-cards");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, "not a folder");
    try {
      const { response, png } = await fetchCard(e.id);
      expect(response.statusCode).toBe(200);
      expect((await sharp(png).metadata()).width).toBe(1200);
    } finally {
      fs.rmSync(dir, { force: true });
    }
  });

  it("renders a new image when the title changes and drops the old file", async () => {
    const e = await eventWhere(sql`e.status = 'published' and e.mode = 'onsite'`);
    await setTitle(e.id, "Wasserstoff im Mittelstand");
    const before = await fetchCard(e.id);
    await setTitle(e.id, "Leichtbau für die Luftfahrt – Netzwerktreffen");
    const after = await fetchCard(e.id);
    expect(after.response.headers.etag).not.toBe(before.response.headers.etag);
    expect(after.png.equals(before.png)).toBe(false);
    const dir = path.join(t.app.config.dataDir, "cache", "share-cards");
    expect(fs.readdirSync(dir).filter((name) => name.startsWith(`${e.id}-de-`))).toEqual([
      `${e.id}-de-${String(after.response.headers.etag).slice(4, -1)}.png`,
    ]);
    const page = parseHtml((await get(`/veranstaltungen/${e.id}-${e.slug}`)).body);
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute("content")).toContain(
      String(after.response.headers.etag).slice(4, -1),
    );
  });

  it("shows dates in Berlin time, the first two days of a longer event and the place or Online", async () => {
    const multi = await eventWhere(
      sql`e.status = 'published' and (select count(distinct (s.starts_at at time zone 'Europe/Berlin')::date) from event_session s where s.event_id = e.id) > 2`,
    );
    const en = await getShareCardData(t.database.db, multi.id, "en");
    expect(en?.dates).toMatch(/^\w{3}, \d{1,2} April \d{4} · \w{3}, \d{1,2} April \d{4} \+ \d+ more dates?$/);
    const single = await eventWhere(
      sql`e.status = 'published' and e.mode = 'online' and (select count(*) from event_session s where s.event_id = e.id) = 1 and not exists (select 1 from event_session s where s.event_id = e.id and s.all_day)`,
    );
    const [session] = await queryRows<{ starts_at: string }>(
      t.database.db,
      sql`select to_char(starts_at at time zone 'Europe/Berlin', 'HH24:MI') as starts_at from event_session where event_id = ${single.id}`,
    );
    const de = await getShareCardData(t.database.db, single.id, "de");
    expect(de?.dates).toContain(`, ${session?.starts_at}–`);
    expect(de?.dates).toMatch(/ Uhr$/);
    expect(de?.place).toBe("Online");
    const hybrid = await eventWhere(sql`e.status = 'published' and e.mode = 'hybrid' and e.venue_id is not null`);
    expect((await getShareCardData(t.database.db, hybrid.id, "de"))?.place).toMatch(/^\S.* · Online$/);
  });

  it("answers 404 for drafts, submissions, unknown and malformed ids", async () => {
    const draft = await eventWhere(sql`e.status in ('draft', 'submitted')`);
    for (const url of [
      `/veranstaltungen/${draft.id}/teilen.png`,
      "/veranstaltungen/999999999/teilen.png",
      "/veranstaltungen/abc/teilen.png",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
    }
    expect(fs.existsSync(path.join(path.join(t.app.config.dataDir, "cache", "share-cards"), `${draft.id}-de-`))).toBe(false);
  });

  it("renders hostile and very long titles as text, within the card", async () => {
    const e = await eventWhere(sql`e.status = 'cancelled'`);
    for (const title of [
      `<script>alert("x")</script> & <b>bold</b> &amp; 'quotes' </span>`,
      `${"Kreislaufwirtschaft ".repeat(60)}Ende`,
      "A".repeat(2000),
      "Zeile\u0007eins\t\nZeile zwei \u{1F680} \uD800",
    ]) {
      await setTitle(e.id, title);
      const { response, png } = await fetchCard(e.id);
      expect(response.statusCode, title.slice(0, 40)).toBe(200);
      const meta = await sharp(png).metadata();
      expect([meta.width, meta.height]).toEqual([1200, 630]);
      expect(await titleInk(png), title.slice(0, 40)).toBeGreaterThan(0.02);
    }
  });

  it("draws its text with the shipped font on a machine without any installed fonts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-fonts-"));
    const conf = path.join(dir, "fonts.conf");
    fs.writeFileSync(conf, `<?xml version="1.0"?><fontconfig><cachedir>${dir}</cachedir></fontconfig>`);
    const out = path.join(dir, "card.png");
    const script = `
      import fs from "node:fs";
      import { renderShareCard } from ${JSON.stringify(path.resolve(import.meta.dirname, "render-share-card.ts"))};
      const data = { title: "Netzwerktreffen Photonik", dates: "2. April 2019", place: "Jena", editionName: "Clusterwoche", hashtag: "#CW", badge: "", lang: "de" };
      fs.writeFileSync(${JSON.stringify(out)}, await renderShareCard(data));`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH ?? "", FONTCONFIG_FILE: conf },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(await titleInk(fs.readFileSync(out))).toBeGreaterThan(0.02);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
