import { expect } from "vitest";
import { browserOf, type UploadFile } from "../src/organiser/page-test-kit.ts";
import type { TestApp } from "./app.ts";
import { type PersonaName, type Personas, personaNames } from "./personas.ts";

/** One request of a matrix row: the URL and, for a POST, its form (CSRF added) and a file (then multipart). Made fresh per persona. */
export type MatrixCell = { url: string; form?: Record<string, unknown>; file?: UploadFile };
/** A route and method with the status each of the seven personas must get. */
export type MatrixRow = { route: string; method: "GET" | "POST"; cell: () => Promise<MatrixCell> | MatrixCell } & Record<
  PersonaName,
  number
>;

/** `base` with every 200 replaced by `status` (what the allowed personas get for this row). */
export const allowedAs = (status: number, base: Record<PersonaName, number>) =>
  Object.fromEntries(personaNames.map((n) => [n, base[n] === 200 ? status : base[n]])) as Record<PersonaName, number>;

/**
 * Runs every row for every persona through the real app and compares all answers at once (one diff lists
 * every wrong cell); an anonymous 303 must lead to the login.
 */
export async function expectMatrix(t: TestApp, p: Personas, rows: MatrixRow[]): Promise<void> {
  const seen: string[] = [];
  const wanted: string[] = [];
  for (const row of rows) {
    for (const persona of personaNames) {
      const { url, form, file } = await row.cell();
      const browser = browserOf(t.app, p[persona].session);
      const response =
        row.method === "GET"
          ? await browser.get(url)
          : file
            ? await browser.upload(url, Object.fromEntries(Object.entries(form ?? {}).map(([k, v]) => [k, String(v)])), file)
            : await browser.post(url, form ?? {});
      seen.push(`${row.method} ${row.route} × ${persona}: ${response.statusCode}`);
      wanted.push(`${row.method} ${row.route} × ${persona}: ${row[persona]}`);
      if (persona === "anonymous" && response.statusCode === 303) expect(response.headers.location, url).toMatch(/^\/anmelden/);
    }
  }
  expect(seen).toEqual(wanted);
}
