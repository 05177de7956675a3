import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { makeActor, openEdition, orgIn } from "../event-form/event-form.fixtures.ts";
import type { Actor } from "../lib/actor.ts";
import { planImport } from "./plan-import.ts";

/** Files written by other programs: LibreOffice 7.4 (test/fixtures/imports/make-fixtures.sh) and a CSV as German Excel saves it. */
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../test/fixtures/imports", name));

let database: Database;
let owner: Actor;
let orgId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  await openEdition(database.db, { year: 2031, startsOn: "2031-04-07", endsOn: "2031-04-16" });
  orgId = (await orgIn(database.db, "BW")).id;
  owner = await makeActor(database.db, "organiser", { organisationIds: [orgId] });
});
afterAll(() => database.close());

const preview = (file: Buffer, fileName: string) =>
  planImport({ ctx: { db: database.db, actor: owner }, input: { organisationId: orgId, year: 2031, file, fileName, importAs: "draft" } });

describe.each([
  ["libreoffice-sheet.xlsx", "XLSX"],
  ["libreoffice-sheet.csv", "CSV"],
])("LibreOffice's %s", (name) => {
  it("reads merged reference cells as several dates, formula results as text, date cells, an empty row and a numeric postal code", async () => {
    const { body } = await preview(fixture(name), name);
    expect(body.sheetProblems).toEqual([{ code: "unknownColumn", params: { column: "Notiz" }, severity: "warning" }]);
    expect(body.entries.map((e) => [e.reference, e.rows, e.action])).toEqual([
      ["LO-1", [2, 3], "new"],
      ["LO-2", [4], "new"],
      ["LO-3", [6], "new"],
    ]);
    const [lo1, lo2, lo3] = body.entries;
    expect(lo1?.input?.sessions).toEqual([
      { startDate: "2031-04-08", startTime: "10:00", endDate: "", endTime: "12:00", allDay: false },
      { startDate: "2031-04-09", startTime: "14:00", endDate: "", endTime: "16:30", allDay: false },
    ]);
    expect(lo1?.input).toMatchObject({ formatCode: "forum", topics: ["photonics"] });
    expect(lo2?.input).toMatchObject({ titleDe: "Tag der offenen Tür", formatCode: "open_day" });
    expect(lo2?.input?.sessions).toEqual([{ startDate: "2031-04-10", startTime: "", endDate: "", endTime: "", allDay: true }]);
    // Text that looks like a formula stays text; it is never evaluated (exports defuse it, feeds/export-formats.ts).
    expect(lo3?.input).toMatchObject({ titleDe: "=1+1", venue: { postalCode: "01067", stateCode: "SN" } });
  });
});

describe("German Excel's CSV", () => {
  it("reads Windows-1252 with sep=;, quoted semicolons, short dates, and reports a missing cost text at its cell", async () => {
    const { body } = await preview(fixture("excel-de.csv"), "excel-de.csv");
    const [xl1, xl2] = body.entries;
    expect(xl1?.input).toMatchObject({
      titleDe: "Kunststoff-Tag „Grün“",
      summaryDe: "Recycling; Werkstoffe und Märkte – ein Überblick",
      isFree: false,
    });
    expect(xl1?.problems.filter((p) => p.severity === "error")).toEqual([
      { row: 2, column: "costText", code: "costRequired", severity: "error" },
    ]);
    expect(xl2?.action).toBe("new");
    expect(xl2?.input?.sessions).toEqual([{ startDate: "2031-04-09", startTime: "10:00", endDate: "", endTime: "12:00", allDay: false }]);
    expect(body.entries).toHaveLength(2);
  });
});
