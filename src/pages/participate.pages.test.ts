import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { templateToday } from "../../test/template.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock: () => templateToday });
});
afterAll(() => t.close());

const page = async (lang: "de" | "en" = "de") => {
  const response = await t.app.inject({ method: "GET", url: `/mitmachen${lang === "en" ? "?lang=en" : ""}` });
  expect(response.statusCode).toBe(200);
  return parseHtml(response.body).querySelector(".participate-status");
};
const links = (section: Element | null) => [...(section?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href"));
const setStatus = (status: string) => t.database.db.execute(sql`update edition set status = ${status}::edition_status where year = 2027`);

describe("/mitmachen tells what is possible now (#13.1)", () => {
  it("while the upcoming edition takes submissions: until when, and the links to register, sign in and enter an event", async () => {
    const section = await page();
    expect(section?.querySelector("h2")?.textContent).toBe("Online-Eintragung: Clusterwoche Deutschland 2027");
    expect(section?.textContent).toContain("Einreichungen sind möglich bis");
    expect(section?.textContent).toContain("2027");
    expect(links(section)).toEqual(["/registrieren", "/anmelden", "/mein-bereich/veranstaltungen/neu"]);
    const body = (await t.app.inject({ method: "GET", url: "/mitmachen" })).body;
    expect(body).not.toContain("freigeschaltet");
    const en = await page("en");
    expect(en?.textContent).toContain("Submissions are open until");
    expect(links(en)).toEqual(["/registrieren?lang=en", "/anmelden?lang=en", "/mein-bereich/veranstaltungen/neu?lang=en"]);
  });

  it("once the edition runs: no more entries, no entry links", async () => {
    await setStatus("running");
    try {
      const section = await page();
      expect(section?.textContent).toContain("Für diese Ausgabe werden keine neuen Veranstaltungen mehr eingereicht.");
      expect(links(section)).toEqual([]);
    } finally {
      await setStatus("open");
    }
  });

  it("before the window opens (planning): drafts, no submission yet", async () => {
    await setStatus("planning");
    try {
      const section = await page();
      expect(section?.textContent).toContain("Die Ausgabe ist in Planung");
      expect(links(section)).toContain("/mein-bereich/veranstaltungen/neu");
    } finally {
      await setStatus("open");
    }
  });
});
