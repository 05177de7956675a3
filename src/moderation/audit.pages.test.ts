import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { auditLog } from "../db/schema/index.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";

const path = "/mein-bereich/protokoll";
let t: TestApp;
let p: Personas;

const hour = 3_600_000;
/** Rows of known time, state and actor: three Länder and national entries, the newest first by `at`. */
async function seed() {
  const base = Date.parse("2026-03-10T12:00:00Z");
  const row = (i: number, stateCode: string | null, extra: Partial<typeof auditLog.$inferInsert> = {}) => ({
    at: new Date(base + i * hour),
    actorName: "Prüferin Weiß",
    action: "event.publish",
    objectType: "event",
    objectId: String(1000 + i),
    stateCode,
    summary: `Eintrag ${i} (${stateCode ?? "national"})`,
    ...extra,
  });
  await t.database.db
    .insert(auditLog)
    .values([
      row(1, "BW"),
      row(2, "BY"),
      row(3, null, { action: "reject_reason.add", objectType: "reject_reason", summary: "national <script>alert(1)</script>" }),
      row(4, "BW", { action: "membership.role", objectType: "membership", actorName: "Max 100% Muster" }),
      row(30, "BW", { action: "organisation.confirm", objectType: "organisation" }),
    ]);
  // 120 more BW rows for the pages, a day later.
  await t.database.db
    .insert(auditLog)
    .values(Array.from({ length: 120 }, (_, i) => row(48 + i, "BW", { actorName: "Seitenprüfer", summary: `Seite ${i}` })));
}

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await seed();
});
afterAll(() => t.close());

const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const summaries = (html: string) => [...parseHtml(html).querySelectorAll(".audit-entry td:last-child")].map((td) => td.textContent ?? "");

describe("audit log page /mein-bereich/protokoll", () => {
  it("sends anonymous visitors to the login and answers 404 to organisers", async () => {
    const anonymous = await as("anonymous").get(path);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
    expect((await as("organiserA").get(path)).statusCode).toBe(404);
    expect((await as("organiserB").get(`${path}?state=BW`)).statusCode).toBe(404);
  });

  it("shows editors and admins every entry, national ones included, newest first, with script escaped", async () => {
    for (const who of ["editor", "admin"] as const) {
      const page = await as(who).get(`${path}?actor=Prüferin`);
      expect(page.statusCode, who).toBe(200);
      expect(page.headers["cache-control"]).toBe("private, no-store");
      expect(summaries(page.body)).toEqual(["Eintrag 30 (BW)", "national <script>alert(1)</script>", "Eintrag 2 (BY)", "Eintrag 1 (BW)"]);
      expect(page.body).not.toContain("<script>alert(1)");
    }
  });

  it("shows coordinators only the entries of their Länder, never national ones, whatever the filter says", async () => {
    const bw = await as("coordinator").get(`${path}?actor=Prüferin`);
    expect(bw.statusCode).toBe(200);
    expect(summaries(bw.body)).toEqual(["Eintrag 30 (BW)", "Eintrag 1 (BW)"]);
    const by = await as("coordinatorOther").get(`${path}?actor=Prüferin`);
    expect(summaries(by.body)).toEqual(["Eintrag 2 (BY)"]);
    expect(summaries((await as("coordinatorOther").get(`${path}?state=BW`)).body)).toEqual([]);
    expect(summaries((await as("coordinatorOther").get(`${path}?objectType=reject_reason`)).body)).toEqual([]);
    // Only their own Länder are offered in the state filter.
    const options = [...parseHtml(by.body).querySelectorAll("#audit-state option")].map((o) => o.getAttribute("value"));
    expect(options).toEqual(["", "BY"]);
  });

  it("filters by action (or its family), object type, state, person (wildcards literal) and Berlin dates", async () => {
    const get = async (q: string) => summaries((await as("editor").get(`${path}?${q}`)).body);
    expect(await get("actor=Pr%C3%BCferin&action=event.publish")).toEqual(["Eintrag 2 (BY)", "Eintrag 1 (BW)"]);
    expect(await get("actor=Pr%C3%BCferin&action=event")).toEqual(["Eintrag 2 (BY)", "Eintrag 1 (BW)"]);
    expect(await get("action=reject_reason")).toContain("national <script>alert(1)</script>");
    expect(await get("objectType=organisation&actor=weiß")).toEqual(["Eintrag 30 (BW)"]);
    expect(await get("state=by&actor=Pr%C3%BCferin")).toEqual(["Eintrag 2 (BY)"]);
    expect(await get("actor=100%25")).toEqual(["Eintrag 4 (BW)"]);
    expect(await get("actor=1_0")).toEqual([]);
    // 10 March 12:00 UTC + 30 h = 11 March 18:00 UTC = 19:00 in Berlin; + 1..4 h fall on 10 March.
    expect(await get("actor=Pr%C3%BCferin&from=2026-03-11&to=2026-03-11")).toEqual(["Eintrag 30 (BW)"]);
    expect(await get("actor=Pr%C3%BCferin&to=2026-03-10")).toEqual([
      "national <script>alert(1)</script>",
      "Eintrag 2 (BY)",
      "Eintrag 1 (BW)",
    ]);
    const form = parseHtml((await as("editor").get(`${path}?objectType=organisation`)).body).querySelector("form.audit-filter");
    expect(form?.getAttribute("method")).toBe("get");
    expect(form?.querySelector<HTMLOptionElement>("#audit-objectType option[selected]")?.value).toBe("organisation");
  });

  it("pages by 50, keeping the filters in the links", async () => {
    const first = await as("editor").get(`${path}?actor=Seitenpr%C3%BCfer`);
    const doc = parseHtml(first.body);
    expect(doc.querySelectorAll(".audit-entry")).toHaveLength(50);
    expect(summaries(first.body)[0]).toBe("Seite 119");
    expect(textOf(first.body)).toContain("120 Einträge");
    expect(textOf(first.body)).toContain("Seite 1 von 3");
    const next = doc.querySelector('.pagination a[rel="next"]')?.getAttribute("href") ?? "";
    expect(next).toBe(`${path}?actor=Seitenpr%C3%BCfer&page=2`);
    const last = await as("editor").get(`${path}?actor=Seitenpr%C3%BCfer&page=3`);
    expect(summaries(last.body)).toHaveLength(20);
    expect(summaries(last.body).at(-1)).toBe("Seite 0");
    const english = await as("editor").get(`${path}?actor=Seitenpr%C3%BCfer&page=2&lang=en`);
    expect(parseHtml(english.body).querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe(
      `${path}?actor=Seitenpr%C3%BCfer&page=3&lang=en`,
    );
    expect(textOf(english.body)).toContain("Audit log of privileged actions");
  });

  it("answers malformed filters with 400, saying which, and lists nothing", async () => {
    for (const q of ["objectType=DROP%20TABLE", "from=10.03.2026", "page=0", "state=B%27W", `actor=${"x".repeat(200)}`]) {
      const response = await as("editor").get(`${path}?${q}`);
      expect(response.statusCode, q).toBe(400);
      expect(parseHtml(response.body).querySelector(".error-summary")?.textContent, q).toContain("ungültig");
      expect(summaries(response.body), q).toEqual([]);
    }
  });

  it("links 'Protokoll' in the area navigation for reviewers only", async () => {
    const link = async (who: PersonaName) =>
      parseHtml((await as(who).get("/mein-bereich")).body).querySelector(`.area-nav a[href^="${path}"]`)?.textContent;
    expect(await link("coordinator")).toBe("Protokoll");
    expect(await link("editor")).toBe("Protokoll");
    expect(await link("organiserA")).toBeUndefined();
  });
});
