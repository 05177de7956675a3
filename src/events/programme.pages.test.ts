import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { currentYear } from "../../test/template.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function programme(query: string, path = "/programm") {
  const response = await t.app.inject({ method: "GET", url: `${path}?${query}` });
  return { response, doc: parseHtml(response.body) };
}

const resultCount = (doc: Document) => Number((doc.querySelector("#results-heading")?.textContent ?? "").replace(/\D/g, "") || "0");
const cardTexts = (doc: Document) => [...doc.querySelectorAll(".event-card")].map((c) => c.textContent ?? "");

describe("programme page", () => {
  it("lists about 200 events of the current edition, sorted by date", async () => {
    const { response, doc } = await programme("");
    expect(response.statusCode).toBe(200);
    expect(resultCount(doc)).toBeGreaterThanOrEqual(180);
    expect(resultCount(doc)).toBeLessThanOrEqual(220);
    const times = [...doc.querySelectorAll(".event-card-when time")].map((el) => el.getAttribute("datetime") ?? "");
    expect(times.length).toBe(20);
    expect([...times].sort()).toEqual(times);
  });

  it("filters by state and format together, with facet counts that add up", async () => {
    const { doc } = await programme("state=BW&format=workshop");
    const count = resultCount(doc);
    expect(count).toBeGreaterThan(0);
    for (const text of cardTexts(doc)) {
      expect(text).toContain("Baden-Württemberg");
      expect(text).toContain("Workshop");
    }
    // The facet count beside "Workshop" (with state=BW applied) equals the result count.
    const workshopLabel = doc.querySelector('label[for="f-format-workshop"]')?.textContent ?? "";
    expect(workshopLabel).toContain(`(${count})`);
    expect(doc.querySelector<HTMLInputElement>("#f-state-BW")?.hasAttribute("checked")).toBe(true);
  });

  it("finds events by German stems, folded umlauts and typos", async () => {
    const kunststoff = resultCount((await programme("q=Kunststoff")).doc);
    expect(kunststoff).toBeGreaterThan(0);
    expect(resultCount((await programme("q=Kunststoffe")).doc)).toBeGreaterThanOrEqual(kunststoff);
    const variants = await Promise.all(["Württemberg", "Wurttemberg", "Wuerttemberg"].map((q) => programme(`q=${encodeURIComponent(q)}`)));
    const counts = variants.map((v) => resultCount(v.doc));
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    const typo = await programme("q=Wokshop");
    expect(resultCount(typo.doc)).toBeGreaterThan(0);
    expect(cardTexts(typo.doc).some((text) => /workshop/i.test(text))).toBe(true);
  });

  it("treats hostile search text as text", async () => {
    const hostile = `'"; drop table event; -- \\ \\\\ " OR 1=1 <script>alert(1)</script> ${"x".repeat(5000)}`;
    const { response, doc } = await programme(`q=${encodeURIComponent(hostile)}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain("<script>alert(1)</script>");
    expect(doc.querySelector(".notice")?.textContent).toMatch(/200/);
    // The table is still there.
    expect(resultCount((await programme("")).doc)).toBeGreaterThan(100);
  });

  it("ignores unknown and malformed filter values and says so", async () => {
    const { response, doc } = await programme("state=XX&format=<b>&day=2019-13-45&edition=abcd&page=-3&mode=teleport&org=nope&topic[]=1");
    expect(response.statusCode).toBe(200);
    const notice = doc.querySelector(".notice")?.textContent ?? "";
    for (const fragment of ["state=XX", "format=<b>", "day=2019-13-45", "edition=abcd", "mode=teleport", "org=nope"]) {
      expect(notice).toContain(fragment);
    }
    expect(resultCount(doc)).toBeGreaterThanOrEqual(180);
  });

  it("pages through results and keeps the filters in the links", async () => {
    const first = await programme("state=BW");
    const next = first.doc.querySelector<HTMLAnchorElement>('.pagination a[rel="next"]')?.getAttribute("href") ?? "";
    expect(next).toContain("state=BW");
    expect(next).toContain("page=2");
    const second = await programme(next.split("?")[1] ?? "");
    const firstIds = cardTexts(first.doc);
    expect(cardTexts(second.doc).some((c) => firstIds.includes(c))).toBe(false);
    const beyond = await programme("state=BW&page=999");
    expect(beyond.response.statusCode).toBe(200);
    expect(beyond.doc.querySelector(".notice")?.textContent).toContain("page=999");
  });

  it("filters by day, mode, free admission and events in English", async () => {
    const all = resultCount((await programme("")).doc);
    const day = resultCount((await programme(`day=${currentYear}-04-07`)).doc);
    expect(day).toBeGreaterThan(0);
    expect(day).toBeLessThan(all);
    const { doc } = await programme("mode=online&free=true");
    expect(resultCount(doc)).toBeGreaterThan(0);
    for (const text of cardTexts(doc)) expect(text).toContain("Online");
    const english = await programme("language=en");
    expect(resultCount(english.doc)).toBeGreaterThan(0);
    expect(resultCount(english.doc)).toBeLessThan(resultCount((await programme("")).doc));
  });

  it("shows the chosen filters as chips that each remove themselves, and a reset keeping an archived edition", async () => {
    const { doc } = await programme("state=BW&format=workshop&edition=2017");
    const chips = [...doc.querySelectorAll(".active-filters a.chip")];
    expect(chips.map((a) => a.getAttribute("aria-label"))).toEqual(["Filter entfernen: Baden-Württemberg", "Filter entfernen: Workshop"]);
    const withoutBW = new URL(chips[0]?.getAttribute("href") ?? "", "http://x").searchParams;
    expect(withoutBW.getAll("state")).toEqual([]);
    expect(withoutBW.getAll("format")).toEqual(["workshop"]);
    const reset = [...doc.querySelectorAll(".active-filters a")].find((a) => a.textContent === "Alle Filter zurücksetzen");
    expect(reset?.getAttribute("href")).toBe("/programm?edition=2017");
    expect((await programme("")).doc.querySelector(".active-filters")).toBeNull();
  });

  it("switches between list, agenda and map views, keeping the filters and marking the current one", async () => {
    const { doc } = await programme("state=BW", "/programm/agenda");
    const links = [...doc.querySelectorAll(".view-switch a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "/programm?state=BW",
      "/programm/agenda?state=BW",
      "/programm/karte?state=BW",
    ]);
    expect(doc.querySelector('.view-switch a[aria-current="page"]')?.getAttribute("href")).toBe("/programm/agenda?state=BW");
  });

  it("names the organisation select and marks its value selected, on the list, agenda and map", async () => {
    for (const path of ["/programm", "/programm/agenda", "/programm/karte"]) {
      const { doc } = await programme("", path);
      expect(doc.querySelector('label[for="f-org"]')?.textContent, path).toBe("Organisation");
      const select = doc.querySelector("select#f-org");
      const selected = [...(select?.querySelectorAll("option[selected]") ?? [])];
      expect(
        selected.map((o) => o.getAttribute("value")),
        path,
      ).toEqual([""]);
      const slug = select?.querySelectorAll("option")[3]?.getAttribute("value") ?? "";
      expect(slug, path).not.toBe("");
      const chosen = (await programme(`org=${slug}&org=nope`, path)).doc.querySelectorAll("select#f-org option[selected]");
      expect(
        [...chosen].map((o) => o.getAttribute("value")),
        path,
      ).toEqual([slug]);
    }
  });

  it("puts the header navigation and the view switch in lists", async () => {
    const { doc } = await programme("");
    for (const nav of doc.querySelectorAll("header nav, nav.view-switch")) {
      const links = nav.querySelectorAll("a");
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) expect(a.parentElement?.tagName, a.textContent ?? "").toBe("LI");
      expect([...nav.children].map((c) => c.tagName)).toEqual(["UL"]);
    }
  });

  it("shows the agenda grouped by day", async () => {
    const { response, doc } = await programme("state=BW", "/programm/agenda");
    expect(response.statusCode).toBe(200);
    const days = [...doc.querySelectorAll(".agenda-day")].map((h) => h.textContent);
    expect(days.length).toBeGreaterThanOrEqual(5);
    expect(days[0]).toMatch(/April/);
  });

  it("shows an archived edition's programme", async () => {
    const { doc } = await programme("edition=2017");
    expect(doc.querySelector("h1")?.textContent).toContain("2017");
    expect(resultCount(doc)).toBeGreaterThanOrEqual(150);
  });

  it("switches to English with lang=en and keeps it in links", async () => {
    const { doc } = await programme("lang=en&state=BW");
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.querySelector("h1")?.textContent).toBe("Programme");
    const link = doc.querySelector<HTMLAnchorElement>(".event-card-title a")?.getAttribute("href") ?? "";
    expect(link).toContain("lang=en");
  });
});
