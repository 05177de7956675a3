import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const html = async (url: string) => parseHtml((await t.app.inject(url)).body);
const json = async <T>(url: string): Promise<T> => (await t.app.inject(url)).json<T>();
const firstNumber = (text: string | null | undefined, word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(text ?? "")?.[1]);

type Statistics = { total: number; byState: Record<string, number> };
type EditionList = { data: { year: number; current: boolean }[] };
type Organisations = { data: { events: number }[] };

describe("one count of an edition's events everywhere", () => {
  it("home, archive, programme, state pages, API statistics and organisations agree for every edition", async () => {
    const editions = (await json<EditionList>("/api/v1/editions")).data;
    expect(editions.length).toBeGreaterThanOrEqual(2);
    const archive = await html("/archiv");
    for (const { year, current } of editions) {
      const stats = await json<Statistics>(`/api/v1/editions/${year}/statistics`);
      expect(stats.total).toBeGreaterThan(0);
      const programme = await html(`/programm?edition=${year}`);
      expect(firstNumber(programme.querySelector(".results-count")?.textContent, "Veranstaltungen"), `programme ${year}`).toBe(stats.total);
      if (current) {
        const home = await html("/");
        expect(firstNumber(home.querySelector(".key-numbers")?.textContent, "Veranstaltungen"), "home").toBe(stats.total);
      } else {
        const item = [...archive.querySelectorAll(".archive-list li")].find((li) =>
          li.querySelector("h2")?.textContent?.includes(String(year)),
        );
        expect(firstNumber(item?.textContent, "Veranstaltungen"), `archive ${year}`).toBe(stats.total);
      }
      const bw = await html(`/laender/bw?edition=${year}`);
      expect(firstNumber(bw.querySelector("main")?.textContent, "Veranstaltungen"), `state page BW ${year}`).toBe(stats.byState.BW);
      const organisations = await json<Organisations>(`/api/v1/organisations?edition=${year}`);
      expect(
        organisations.data.reduce((sum, o) => sum + o.events, 0),
        `organisations ${year}`,
      ).toBe(stats.total);
    }
  });
});
