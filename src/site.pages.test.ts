import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/app.ts";
import { cspDirectives, effectiveSources } from "../test/csp.ts";
import { parseHtml } from "../test/html.ts";
import { currentYear } from "../test/template.ts";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { queryRows } from "./db/client.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

describe("public pages", () => {
  it("home shows the current edition with its numbers, next events, opening and closing", async () => {
    const response = await get("/");
    expect(response.statusCode).toBe(200);
    const doc = parseHtml(response.body);
    expect(doc.querySelector("h1")?.textContent).toContain(String(currentYear));
    const numbers = doc.querySelector(".key-numbers")?.textContent ?? "";
    expect(numbers).toMatch(/10 Tage/);
    expect(numbers).toMatch(/16 Länder/);
    const events = Number(/(\d+) Veranstaltungen/.exec(numbers)?.[1]);
    expect(events).toBeGreaterThanOrEqual(170);
    expect(numbers).toMatch(/davon \d+ Messebeteiligungen/);
    expect(doc.querySelectorAll(".card-grid .event-card").length).toBeGreaterThan(0);
    expect(doc.body.textContent).toContain("Auftakt");
    expect(doc.body.textContent).toContain("Abschluss");
    expect(doc.querySelectorAll(".highlights .event-card")).toHaveLength(2);
    expect(doc.querySelector("#greeting-title")).not.toBeNull();
  });

  it("every page has one h1, a skip link, landmarks, a title, a canonical URL and lang", async () => {
    const [org] = await queryRows<{ slug: string }>(t.database.db, sql`select slug from organisation order by id limit 1`);
    const paths = [
      "/",
      "/programm",
      "/programm/agenda",
      "/organisationen",
      `/organisationen/${org?.slug}`,
      "/laender",
      "/laender/bw",
      "/messe",
      "/archiv",
      "/impressum",
      "/datenschutz",
      "/barrierefreiheit",
      "/mitmachen",
    ];
    for (const path of paths) {
      for (const lang of ["de", "en"]) {
        const response = await get(`${path}${lang === "en" ? "?lang=en" : ""}`);
        expect(response.statusCode, path).toBe(200);
        const doc = parseHtml(response.body);
        expect(doc.querySelectorAll("h1").length, path).toBe(1);
        expect(doc.documentElement.getAttribute("lang")).toBe(lang);
        expect(doc.querySelector('a.skip-link[href="#main"]')).not.toBeNull();
        expect(doc.querySelector("main#main")).not.toBeNull();
        expect(doc.querySelector("header")).not.toBeNull();
        expect(doc.querySelector("nav")).not.toBeNull();
        expect(doc.querySelector("footer")).not.toBeNull();
        expect(doc.title.length).toBeGreaterThan(5);
        expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(/^http:\/\/localhost:3000\//);
        expect(doc.querySelector('meta[property="og:title"]')).not.toBeNull();
        // Nothing from another origin: every src/href is relative or a plain outbound link.
        for (const el of doc.querySelectorAll("[src], link[href]")) {
          const ref = el.getAttribute("src") ?? el.getAttribute("href") ?? "";
          if (el.getAttribute("rel") === "canonical" || el.getAttribute("rel") === "alternate") continue;
          expect(ref.startsWith("/") || ref.startsWith("data:"), `${path}: ${ref}`).toBe(true);
        }
      }
    }
  });

  it("sends security headers and a strict Content-Security-Policy", async () => {
    const response = await get("/");
    const csp = String(response.headers["content-security-policy"]);
    // What the browser enforces, whether a directive is spelled out or falls back to default-src.
    for (const directive of ["default-src", "script-src", "style-src", "font-src", "connect-src"]) {
      expect(effectiveSources(csp, directive), directive).toBe("'self'");
    }
    expect(effectiveSources(csp, "img-src")).toBe("'self' data:");
    const directives = cspDirectives(csp);
    expect(directives.get("object-src")).toBe("'none'");
    for (const directive of ["base-uri", "form-action", "frame-ancestors"]) expect(directives.get(directive), directive).toBe("'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(response.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(response.headers["set-cookie"]).toBeUndefined();
    // Obsolete headers every response would carry for no browser in use (ARCHITECTURE.md "Security headers").
    // X-Frame-Options: CSP's frame-ancestors (asserted above) obsoletes it, and a browser that has both ignores it.
    for (const name of [
      "x-xss-protection",
      "x-download-options",
      "x-permitted-cross-domain-policies",
      "x-dns-prefetch-control",
      "x-frame-options",
    ]) {
      expect(response.headers[name], name).toBeUndefined();
    }
  });

  it("organisation page lists the organisation's events; unknown ones are 404", async () => {
    const [org] = await queryRows<{ slug: string; name: string }>(
      t.database.db,
      sql`select o.slug, o.name from organisation o join event e on e.organisation_id = o.id where e.status = 'published' group by o.id order by count(*) desc limit 1`,
    );
    const doc = parseHtml((await get(`/organisationen/${org?.slug}`)).body);
    expect(doc.querySelector("h1")?.textContent).toBe(org?.name);
    expect(doc.querySelectorAll(".event-card").length).toBeGreaterThan(0);
    expect((await get("/organisationen/gibt-es-nicht")).statusCode).toBe(404);
    expect((await get("/organisationen/%3Cscript%3E")).statusCode).toBe(404);
  });

  it("state page shows the intro and only that state's events", async () => {
    const doc = parseHtml((await get("/laender/bw")).body);
    expect(doc.querySelector("h1")?.textContent).toBe("Baden-Württemberg");
    const cards = [...doc.querySelectorAll(".event-card")];
    expect(cards.length).toBeGreaterThan(20);
    for (const card of cards) expect(card.textContent).toContain("Baden-Württemberg");
    expect((await get("/laender/xx")).statusCode).toBe(404);
  });

  it("trade-fair directory lists the Hannover Messe booths by hall, then booth", async () => {
    const doc = parseHtml((await get("/messe")).body);
    const tables = [...doc.querySelectorAll(".booth-table")];
    const halls = tables.map((table) => table.querySelector("caption")?.textContent ?? "");
    const hallNumbers = halls.map((h) => Number(/\d+/.exec(h)?.[0]));
    expect(hallNumbers).toEqual([...hallNumbers].sort((a, b) => a - b));
    const rows = doc.querySelectorAll(".booth-table tbody tr");
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(doc.body.textContent).toContain("Hannover Messe");
  });

  it("archive lists 2017 with its numbers and a link to its programme", async () => {
    const doc = parseHtml((await get("/archiv")).body);
    expect(doc.body.textContent).toContain("2017");
    expect(doc.querySelector('a[href="/programm?edition=2017"]')).not.toBeNull();
  });

  it("unknown paths answer 404 in the site's design, in the reader's language", async () => {
    const response = await get("/gibt-es-nicht?lang=en");
    expect(response.statusCode).toBe(404);
    expect(parseHtml(response.body).querySelector("h1")?.textContent).toBe("Page not found");
  });

  it("says the data is invented only on demo installations", async () => {
    expect(parseHtml((await get("/")).body).querySelector(".demo-note")?.textContent).toContain("erfunden");
    const production = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", SEED: "none" }), database: t.database });
    const page = await production.inject({ method: "GET", url: "/" });
    expect(page.statusCode).toBe(200);
    expect(parseHtml(page.body).querySelector(".demo-note")).toBeNull();
    await production.close();
  });

  it("healthz answers while the process lives; readyz checks the database", async () => {
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await get("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready" });
  });
});
