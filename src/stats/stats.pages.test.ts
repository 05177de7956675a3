import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { queryRows } from "../db/client.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { statisticsCharts } from "./statistics-tables.ts";

let t: TestApp;
let p: Personas;
let year: number;
let editionId: number;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  // Reports with participants on events in BW and BY (the demo has none yet): published ones count, the submitted one not.
  await t.database.db.execute(sql`
    insert into report (event_id, status, participant_count)
    select id, (case when rn = 3 then 'submitted' else 'published' end)::report_status, 10 * rn + 7 from (
      select e.id, e.state_code, row_number() over (partition by e.state_code order by e.id) as rn
      from event e where e.status = 'published' and e.state_code in ('BW', 'BY')
        and e.edition_id = (select edition_id from event where status = 'published' group by 1 order by count(*) desc limit 1)) x
    where rn <= 3`);
  // The edition with the most counted events, whichever the demo's current one is.
  const [row] = await queryRows<{ id: number; year: number }>(
    t.database.db,
    sql`select ed.id, ed.year from edition ed join event e on e.edition_id = ed.id
        where e.status in ('published', 'cancelled') group by ed.id order by count(*) desc limit 1`,
  );
  editionId = Number(row?.id);
  year = Number(row?.year);
});
afterAll(async () => {
  await t.close();
});

const as = (name: PersonaName) => browserOf(t.app, p[name].session);

/** key → number of every row of a chart's table on the page. */
function tableOf(html: string, chart: string): Map<string, number[]> {
  const table = parseHtml(html).querySelector(`table[data-chart="${chart}"]`);
  if (!table) throw new Error(`no table ${chart}`);
  return new Map(
    [...table.querySelectorAll("tbody tr[data-key]")].map((tr) => [
      tr.getAttribute("data-key") ?? "",
      [...tr.querySelectorAll("td")].map((td) => Number(td.textContent)),
    ]),
  );
}

/** Header and rows of a chart's table as text, as a spreadsheet would hold them. */
function cellsOf(html: string, chart: string): string[][] {
  const table = parseHtml(html).querySelector(`table[data-chart="${chart}"]`);
  return [...(table?.querySelectorAll("tr") ?? [])].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? ""));
}

// Counted in the test without the application's SQL: published and cancelled events, one row per value.
const independent: Record<string, string> = {
  state:
    "select state_code as k, count(*)::int as n from event e where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  format:
    "select format_code as k, count(*)::int as n from event e where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  mode: "select mode::text as k, count(*)::int as n from event e where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  topic:
    "select x as k, count(*)::int as n from event e, unnest(topics) x where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  day: "select x::text as k, count(*)::int as n from event e, unnest(days) x where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  "target-group":
    "select x as k, count(*)::int as n from event e, unnest(target_groups) x where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  "partner-country":
    "select x as k, count(*)::int as n from event e, unnest(partner_countries) x where edition_id = $1 and status in ('published', 'cancelled') group by 1",
  funnel: "select status::text as k, count(*)::int as n from event e where edition_id = $1 and revision_of is null group by 1",
  participants: `select state_code as k, sum(n)::int as n from (select e.state_code, r.participant_count as n
      from event e join report r on r.event_id = e.id and r.status = 'published'
      where edition_id = $1 and e.status in ('published', 'cancelled')) x group by 1`,
};

async function expected(query: string, extra = ""): Promise<Map<string, number>> {
  const text = query.replace("where edition_id = $1", `where edition_id = ${editionId} ${extra}`);
  const rows = await queryRows<{ k: string; n: number }>(t.database.db, sql.raw(text));
  return new Map(rows.map((r) => [String(r.k), Number(r.n)]));
}

describe("statistics dashboard: who may see it", () => {
  const expectedStatus: Record<PersonaName, number> = {
    anonymous: 303,
    organiserA: 404,
    organiserB: 404,
    coordinatorOther: 200,
    coordinator: 200,
    editor: 200,
    admin: 200,
  };
  it.each(["/mein-bereich/statistik", "/mein-bereich/statistik/state.csv", "/mein-bereich/statistik/funnel.xlsx"])(
    "answers %s per persona",
    async (url) => {
      for (const name of personaNames) {
        const response = await as(name).get(url);
        expect(response.statusCode, `${name} GET ${url}`).toBe(expectedStatus[name]);
        if (name === "anonymous") expect(response.headers.location).toMatch(/^\/anmelden\?next=/);
        if (response.statusCode === 200) expect(response.headers["cache-control"]).toBe("private, no-store");
      }
    },
  );

  it("answers 404 for an unknown chart, format or edition", async () => {
    for (const url of [
      "/mein-bereich/statistik/nothing.csv",
      "/mein-bereich/statistik/state.pdf",
      "/mein-bereich/statistik/state.csv?edition=1800",
      "/mein-bereich/statistik?edition=abc",
      "/mein-bereich/statistik?edition=%3Cscript%3E",
    ]) {
      expect((await as("editor").get(url)).statusCode, url).toBe(404);
    }
  });

  it("links the dashboard in the signed-in navigation of reviewers only", async () => {
    const navLinks = async (name: PersonaName) =>
      [...parseHtml((await as(name).get("/mein-bereich")).body).querySelectorAll(".area-nav a")].map((a) => a.getAttribute("href"));
    expect(await navLinks("coordinator")).toContain("/mein-bereich/statistik");
    expect(await navLinks("editor")).toContain("/mein-bereich/statistik");
    expect(await navLinks("organiserA")).not.toContain("/mein-bereich/statistik");
  });
});

describe("statistics dashboard: figures", () => {
  it("shows for editors every chart with the counts computed independently by SQL", async () => {
    const html = (await as("editor").get(`/mein-bereich/statistik?edition=${year}`)).body;
    for (const [chart, query] of Object.entries(independent)) {
      const shown = tableOf(html, chart);
      const want = await expected(query);
      for (const [key, n] of want) expect(shown.get(key)?.[0], `${chart} ${key}`).toBe(n);
      for (const [key, values] of shown) expect(values[0], `${chart} ${key}`).toBe(want.get(key) ?? 0);
    }
    const figures = tableOf(html, "key-figures");
    const [total] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from event where edition_id = ${editionId} and status in ('published', 'cancelled')`,
    );
    expect(figures.get("events")?.[0]).toBe(Number(total?.n));
  });

  it("limits a coordinator to the events reviewed in their Länder: BY's numbers never include BW", async () => {
    const inLand = (code: string) =>
      `and (case when e.state_code in ('online', 'international') then (select o.state_code from organisation o where o.id = e.organisation_id) else e.state_code end) = '${code}'`;
    for (const [name, code, other] of [
      ["coordinatorOther", "BY", "BW"],
      ["coordinator", "BW", "BY"],
    ] as const) {
      const html = (await as(name).get(`/mein-bereich/statistik?edition=${year}`)).body;
      const states = tableOf(html, "state");
      expect(states.has(other), `${name} sees ${other}`).toBe(false);
      for (const chart of ["state", "format", "topic", "funnel", "participants"]) {
        const want = await expected(independent[chart] ?? "", inLand(code));
        const shown = tableOf(html, chart);
        for (const [key, n] of want) expect(shown.get(key)?.[0], `${name} ${chart} ${key}`).toBe(n);
        for (const [key, values] of shown) expect(values[0], `${name} ${chart} ${key}`).toBe(want.get(key) ?? 0);
      }
      const csv = (await as(name).get(`/mein-bereich/statistik/state.csv?edition=${year}`)).body;
      expect(csv).not.toContain(other === "BW" ? "Baden-Württemberg" : "Bayern");
    }
  });

  it("compares the key figures with the previous edition", async () => {
    const [prev] = await queryRows<{ id: number; year: number }>(
      t.database.db,
      sql`select id, year from edition where year < ${year} order by year desc limit 1`,
    );
    const html = (await as("editor").get(`/mein-bereich/statistik?edition=${year}`)).body;
    const figures = tableOf(html, "key-figures");
    if (!prev) return expect(figures.get("events")).toHaveLength(1);
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from event where edition_id = ${prev.id} and status in ('published', 'cancelled')`,
    );
    expect(figures.get("events")?.[1]).toBe(Number(n?.n));
    expect(cellsOf(html, "key-figures")[0]).toEqual([expect.any(String), String(year), String(prev.year)]);
  });
});

describe("statistics dashboard: downloads", () => {
  it("gives each chart's table as CSV and XLSX, cell for cell as on the page", async () => {
    const html = (await as("editor").get(`/mein-bereich/statistik?edition=${year}`)).body;
    for (const chart of statisticsCharts) {
      const cells = cellsOf(html, chart);
      const csv = await as("editor").get(`/mein-bereich/statistik/${chart}.csv?edition=${year}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
      expect(csv.headers["content-disposition"]).toBe(`attachment; filename="clusterwoche-${year}-${chart}.csv"`);
      expect(parse(csv.body, { bom: true, delimiter: ";" }), `${chart}.csv`).toEqual(cells);
      const xlsx = await as("editor").get(`/mein-bereich/statistik/${chart}.xlsx?edition=${year}`);
      const workbook = new ExcelJS.Workbook();
      const bytes = new ArrayBuffer(xlsx.rawPayload.length);
      new Uint8Array(bytes).set(xlsx.rawPayload);
      await workbook.xlsx.load(bytes);
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet?.eachRow((row) => {
        rows.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v)));
      });
      expect(rows, `${chart}.xlsx`).toEqual(cells);
    }
  });

  it("links both downloads of every chart on the page", async () => {
    const doc = parseHtml((await as("coordinator").get(`/mein-bereich/statistik?edition=${year}`)).body);
    for (const chart of statisticsCharts) {
      for (const ext of ["csv", "xlsx"]) {
        expect(doc.querySelector(`a[href="/mein-bereich/statistik/${chart}.${ext}?edition=${year}"]`), `${chart}.${ext}`).not.toBeNull();
      }
    }
  });
});

describe("statistics dashboard: charts", () => {
  it("draws each chart as one SVG image with title and description and no inline style", async () => {
    const html = (await as("editor").get(`/mein-bereich/statistik?edition=${year}&lang=en`)).body;
    const doc = parseHtml(html);
    const svgs = [...doc.querySelectorAll("svg.cw-chart")];
    expect(svgs).toHaveLength(statisticsCharts.length);
    for (const svg of svgs) {
      expect(svg.getAttribute("role")).toBe("img");
      const [titleId, descId] = (svg.getAttribute("aria-labelledby") ?? "").split(" ");
      expect(doc.getElementById(titleId ?? "")?.textContent).toBeTruthy();
      expect(doc.getElementById(descId ?? "")?.textContent).toBe("Bar chart; the numbers are in the table beside it.");
    }
    expect(html).not.toMatch(/<style|\sstyle="/);
  });
});
