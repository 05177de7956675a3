import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { contrastRatio } from "../../test/contrast.ts";
import { parseHtml } from "../../test/html.ts";
import { states as referenceStates } from "../db/seed/reference-data.ts";
import { stateShapes } from "./germany-states.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function get(url: string, app = t) {
  const response = await app.app.inject({ method: "GET", url });
  return { response, doc: parseHtml(response.body) };
}

const resultCount = (doc: Document) => Number((doc.querySelector("#results-heading")?.textContent ?? "").replace(/\D/g, "") || "0");
const nameOf = (code: string) => referenceStates.find(([c]) => c === code)?.[1] ?? code;

/** State code → count, read from the table of the list alternative. */
function tableCounts(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of doc.querySelectorAll(".map-table tbody tr")) {
    const href = row.querySelector("a")?.getAttribute("href") ?? "";
    const code = new URL(href, "http://x").searchParams.getAll("state").at(-1) ?? "";
    counts.set(code, Number(row.querySelector("td")?.textContent));
  }
  return counts;
}

/** State code → count, read from the accessible names of the SVG's state links. */
function svgCounts(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of doc.querySelectorAll("svg a.map-state")) {
    const label = link.getAttribute("aria-label") ?? "";
    counts.set(link.getAttribute("data-state") ?? "", /keine/.test(label) ? 0 : Number(/: (\d+) /.exec(label)?.[1]));
  }
  return counts;
}

/** The facet count the programme's filter form shows beside a state. */
const facetCount = (doc: Document, code: string) =>
  Number(/\((\d+)\)/.exec(doc.querySelector(`label[for="f-state-${code}"]`)?.textContent ?? "")?.[1]);

describe("programme map /programm/karte", () => {
  it("counts events per state exactly as the API's statistics do", async () => {
    const editions = (await t.app.inject({ url: "/api/v1/editions" })).json() as { data: { year: number; current: boolean }[] };
    const year = editions.data.find((e) => e.current)?.year;
    const stats = (await t.app.inject({ url: `/api/v1/editions/${year}/statistics` })).json() as {
      total: number;
      byState: Record<string, number>;
    };
    const { response, doc } = await get("/programm/karte");
    expect(response.statusCode).toBe(200);
    expect(resultCount(doc)).toBe(stats.total);
    const svg = svgCounts(doc);
    const table = tableCounts(doc);
    expect(svg.size).toBe(16);
    for (const [code] of referenceStates) {
      expect(svg.get(code), code).toBe(stats.byState[code] ?? 0);
      expect(table.get(code), code).toBe(stats.byState[code] ?? 0);
    }
    // Online and international are counted beside the map and in the table, as the statistics count them.
    expect(table.get("online")).toBe(stats.byState.online ?? 0);
    expect(table.get("international")).toBe(stats.byState.international ?? 0);
    expect(stats.byState.online).toBeGreaterThan(0);
    const elsewhere = [...doc.querySelectorAll(".map-elsewhere a")].map((a) => a.textContent);
    expect(elsewhere).toEqual([
      `Online: ${stats.byState.online} Veranstaltungen`,
      expect.stringMatching(/^International: \d+ Veranstaltung/),
    ]);
  });

  it("shows an archived edition's counts when asked for it", async () => {
    const stats = (await t.app.inject({ url: "/api/v1/editions/2017/statistics" })).json() as {
      total: number;
      byState: Record<string, number>;
    };
    const { doc } = await get("/programm/karte?edition=2017");
    expect(doc.querySelector("h1")?.textContent).toBe("Programm auf der Karte 2017");
    expect(resultCount(doc)).toBe(stats.total);
    const counts = svgCounts(doc);
    for (const [code] of referenceStates) expect(counts.get(code), code).toBe(stats.byState[code] ?? 0);
    // Links from the map keep the edition.
    expect(doc.querySelector('a.map-state[data-state="BW"]')?.getAttribute("href")).toBe("/programm?edition=2017&state=BW");
  });

  it("applies the programme's filters: counts equal the programme's facets and results", async () => {
    const query = "format=workshop&mode=onsite&mode=hybrid";
    const [map, programme] = await Promise.all([get(`/programm/karte?${query}`), get(`/programm?${query}`)]);
    expect(resultCount(map.doc)).toBe(resultCount(programme.doc));
    const counts = svgCounts(map.doc);
    for (const [code] of referenceStates) expect(counts.get(code), code).toBe(facetCount(programme.doc, code));
    // The map's filter form is the programme's, sent to the map.
    expect(map.doc.querySelector("form.filter-form")?.getAttribute("action")).toBe("/programm/karte");
    expect(map.doc.querySelector<HTMLInputElement>("#f-format-workshop")?.hasAttribute("checked")).toBe(true);
    // Following Bavaria's link gives as many events as the map promised.
    const bavaria = map.doc.querySelector('a.map-state[data-state="BY"]')?.getAttribute("href") ?? "";
    const url = new URL(bavaria, "http://x");
    expect(url.pathname).toBe("/programm");
    expect(url.searchParams.getAll("state")).toEqual(["BY"]);
    expect(url.searchParams.get("format")).toBe("workshop");
    expect(resultCount((await get(bavaria)).doc)).toBe(counts.get("BY"));
  });

  it("makes every state and every marker a link with an accessible name, and the SVG has a title", async () => {
    const { doc } = await get("/programm/karte");
    const svg = doc.querySelector("svg.germany-map");
    expect(svg?.querySelector("title")?.textContent).toMatch(/Karte Deutschlands/);
    const states = [...doc.querySelectorAll("svg a.map-state")];
    expect(states.map((a) => a.getAttribute("data-state")).sort()).toEqual(Object.keys(stateShapes).sort());
    for (const a of states) {
      const code = a.getAttribute("data-state") ?? "";
      expect(a.getAttribute("aria-label")).toMatch(new RegExp(`^${nameOf(code)}: (\\d+ Veranstaltung(en)?|keine Veranstaltungen)$`));
      expect(a.getAttribute("href")).toBe(`/programm?state=${code}`);
      expect(a.querySelector("title")?.textContent).toBe(a.getAttribute("aria-label"));
    }
    const markers = [...doc.querySelectorAll("svg a.map-marker")];
    expect(markers.length).toBeGreaterThan(30);
    for (const a of markers) {
      expect(a.getAttribute("aria-label")).toMatch(/^.+: \d+ Veranstaltung(en)?$/);
      const target = (a.getAttribute("href") ?? "").replace(/^#/, "");
      // Each marker leads to that place's entry in the list, which links its events.
      const entry = doc.getElementById(target);
      expect(entry?.querySelectorAll("a[href^='/veranstaltungen/']").length, target).toBeGreaterThan(0);
    }
  });

  it("draws the count labels with at least 4.5:1 contrast: ink in a white halo, over every shade and marker", async () => {
    const { doc } = await get("/programm/karte");
    const labels = [...doc.querySelectorAll("svg .map-counts text")];
    expect(labels.length).toBe(16);
    const css = fs.readFileSync(new URL("../../public/map.css", import.meta.url), "utf8");
    const rule = /\.map-counts text \{([^}]*)\}/.exec(css)?.[1] ?? "";
    const declared = (name: string) => new RegExp(`(?:^|;|\\s)${name}:\\s*([^;]+);`).exec(rule)?.[1]?.trim();
    const siteCss = fs.readFileSync(new URL("../../public/site.css", import.meta.url), "utf8");
    const resolve = (value = "") =>
      value.replace(/^var\((--[a-z-]+)\)$/, (_, name) => new RegExp(`${name}:\\s*([^;]+);`).exec(siteCss)?.[1] ?? "");
    const ink = resolve(declared("fill"));
    for (const text of labels) {
      // The SVG carries the halo itself (it holds without the style sheet) and the style sheet agrees.
      expect(text.getAttribute("fill")).toBe(ink);
      expect(text.getAttribute("paint-order")).toBe("stroke");
      expect(Number(text.getAttribute("stroke-width"))).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(text.getAttribute("fill") ?? "", text.getAttribute("stroke") ?? "")).toBeGreaterThanOrEqual(4.5);
    }
    expect(declared("paint-order")).toBe("stroke");
    expect(Number.parseFloat(declared("stroke-width") ?? "0")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(ink, resolve(declared("stroke")))).toBeGreaterThanOrEqual(4.5);
    // Even without the halo the ink stays readable on every state shade (and the hover colour).
    const shades = [...css.matchAll(/\.map-state[^{]*path \{[^}]*fill: (#[0-9a-f]{6})/gi)].map((m) => m[1] ?? "");
    expect(shades.length).toBeGreaterThanOrEqual(7);
    for (const shade of shades) expect(contrastRatio(ink, shade), shade).toBeGreaterThanOrEqual(4.5);
  });

  it("lists every on-site and hybrid event under a place; places add up with the online events to the total", async () => {
    const { doc } = await get("/programm/karte");
    const placeCounts = [...doc.querySelectorAll(".map-place h4 .count")].map((el) => Number((el.textContent ?? "").replace(/\D/g, "")));
    const online = Number(/\((\d+)\)/.exec(doc.querySelector('label[for="f-mode-online"]')?.textContent ?? "")?.[1]);
    expect(placeCounts.reduce((a, b) => a + b, 0) + online).toBe(resultCount(doc));
    // Places abroad are listed but have no marker on the map of Germany.
    const headings = [...doc.querySelectorAll(".map-place h4")].map((h) => h.textContent ?? "");
    expect(headings.some((h) => h.startsWith("Stockholm (SE)"))).toBe(true);
    expect(doc.querySelector('svg a.map-marker[href^="#ort-stockholm"]')).toBeNull();
  });

  it("puts the Munich marker inside Bavaria and the Hamburg marker inside Hamburg", async () => {
    const { doc } = await get("/programm/karte");
    const box = (code: keyof typeof stateShapes) => {
      const n = stateShapes[code].d.match(/[\d.]+/g)?.map(Number) ?? [];
      const xs = n.filter((_, i) => i % 2 === 0);
      const ys = n.filter((_, i) => i % 2 === 1);
      return { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] };
    };
    for (const [anchor, code] of [
      ["#ort-muenchen-by", "BY"],
      ["#ort-hamburg-hh", "HH"],
    ] as const) {
      const circle = doc.querySelector(`svg a.map-marker[href="${anchor}"] circle`);
      expect(circle, anchor).not.toBeNull();
      const [cx, cy] = [Number(circle?.getAttribute("cx")), Number(circle?.getAttribute("cy"))];
      const b = box(code);
      expect(cx).toBeGreaterThan(b.x[0] as number);
      expect(cx).toBeLessThan(b.x[1] as number);
      expect(cy).toBeGreaterThan(b.y[0] as number);
      expect(cy).toBeLessThan(b.y[1] as number);
    }
  });

  it("marks chosen states and shows only their places", async () => {
    const { doc } = await get("/programm/karte?state=BY");
    expect(doc.querySelector('a.map-state[data-state="BY"]')?.getAttribute("aria-label")).toMatch(/\(ausgewählt\)$/);
    expect(doc.querySelector('a.map-state[data-state="BY"]')?.getAttribute("class")).toContain("is-selected");
    const headings = [...doc.querySelectorAll(".map-place h4")].map((h) => h.textContent ?? "");
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(h).toContain("(Bayern)");
  });

  it("handles unknown filter values like the programme: dropped and listed, never an error", async () => {
    const { response, doc } = await get("/programm/karte?state=XX&format=nope&day=1999-01-01&edition=1888&page=abc");
    expect(response.statusCode).toBe(200);
    const notice = doc.querySelector(".notice[role=status]")?.textContent ?? "";
    for (const part of ["state=XX", "format=nope", "day=1999-01-01", "edition=1888"]) expect(notice).toContain(part);
    expect(notice).not.toContain("page=");
    expect(resultCount(doc)).toBe(resultCount((await get("/programm/karte")).doc));
  });

  it("speaks English with lang=en and keeps the language in its links", async () => {
    const { doc } = await get("/programm/karte?lang=en");
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.querySelector('a.map-state[data-state="BY"]')?.getAttribute("aria-label")).toMatch(/^Bavaria: \d+ events?$/);
    expect(doc.querySelector('a.map-state[data-state="BY"]')?.getAttribute("href")).toBe("/programm?state=BY&lang=en");
  });

  it("is reachable from the programme's view switch, which keeps the filter", async () => {
    const { doc } = await get("/programm?format=workshop");
    const links = [...doc.querySelectorAll(".view-switch a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toContainEqual(["Karte", "/programm/karte?format=workshop"]);
    const map = await get("/programm/karte?format=workshop");
    expect(map.doc.querySelector('.view-switch a[aria-current="page"]')?.textContent).toBe("Karte");
    expect(map.doc.querySelectorAll(".view-switch > ul > li > a").length).toBe(3);
  });

  it("loads nothing from elsewhere and no Leaflet without MAP_TILE_URL", async () => {
    const { response } = await get("/programm/karte");
    expect(response.body).not.toMatch(/leaflet|tile-map/i);
    expect(response.headers["content-security-policy"]).toContain("img-src 'self' data:;");
    expect((await t.app.inject({ url: "/programm/karte/leaflet.js" })).statusCode).toBe(404);
    // No src or href on the page points to another origin.
    const doc = parseHtml(response.body);
    const urls = [...doc.querySelectorAll("[src], link[rel=stylesheet], link[rel=icon]")].map(
      (el) => el.getAttribute("src") ?? el.getAttribute("href") ?? "",
    );
    for (const url of urls) expect(url.startsWith("/"), url).toBe(true);
  });
});

describe("programme map with a configured tile server", () => {
  let tiled: TestApp;
  beforeAll(async () => {
    tiled = await createTestApp({ MAP_TILE_URL: "https://{s}.tiles.example.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Example Tiles" });
  });
  afterAll(() => tiled.close());

  it("adds Leaflet from our own origin, the markers as JSON and the tile server to img-src on this page only", async () => {
    const { response, doc } = await get("/programm/karte", tiled);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-security-policy"]).toMatch(/img-src 'self' data: https:\/\/\*\.tiles\.example\.org(;|$)/);
    expect(doc.querySelector('script[src="/programm/karte/leaflet.js"]')).not.toBeNull();
    expect(doc.querySelector('link[href="/programm/karte/leaflet.css"]')).not.toBeNull();
    expect(doc.querySelector('script[src^="/static/map."]')).not.toBeNull();
    const data = JSON.parse(doc.querySelector("#tile-map-data")?.textContent ?? "{}") as {
      tileUrl: string;
      attribution: string;
      markers: { lat: number; lon: number; label: string; href: string }[];
    };
    expect(data.tileUrl).toBe("https://{s}.tiles.example.org/{z}/{x}/{y}.png");
    expect(data.attribution).toBe("© Example Tiles");
    // The tile map shows the places abroad too, which the map of Germany cannot.
    expect(data.markers.length).toBeGreaterThan(doc.querySelectorAll("svg a.map-marker").length);
    expect(data.markers.some((m) => m.href.startsWith("#ort-stockholm"))).toBe(true);
    // The self-contained map stays: the tile map only adds to it.
    expect(doc.querySelectorAll("svg a.map-state").length).toBe(16);

    const js = await tiled.app.inject({ url: "/programm/karte/leaflet.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toMatch(/javascript/);
    expect(js.body).toContain("Leaflet");
    expect((await tiled.app.inject({ url: "/programm/karte/leaflet.css" })).headers["content-type"]).toMatch(/text\/css/);
    const programme = await tiled.app.inject({ url: "/programm" });
    expect(programme.headers["content-security-policy"]).not.toContain("tiles.example.org");
  });
});
