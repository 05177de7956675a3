import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { event, eventHistory, eventSession, importPlan } from "../db/schema/index.ts";
import { makeActor, openEdition, orgIn } from "../event-form/event-form.fixtures.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { templateCsv, templateXlsx } from "./build-template.ts";
import { confirmImport } from "./confirm-import.ts";
import { basicKeys, csvOf, type Row, validRow, xlsxOf } from "./import.fixtures.ts";
import { loadVocabulary } from "./import-vocabulary.ts";
import { planImport } from "./plan-import.ts";
import { loadWorkbook } from "./read-sheet.ts";

let database: Database;
let orgA: { id: number; stateCode: string };
let orgB: { id: number; stateCode: string };
let ownerA: Actor;
let ownerB: Actor;
let coordinatorBW: Actor;
let coordinatorBY: Actor;
let editor: Actor;
const YEAR = 2031;
const DAY = "2031-04-08";

const ctx = (actor: Actor | null) => ({ db: database.db, actor });
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError)
      return `${error.code}${Object.values(error.fields).length ? `:${Object.values(error.fields).join(",")}` : ""}`;
    throw error;
  }
  return "resolved";
};
const plan = (actor: Actor, file: Buffer, extra: { organisationId?: number; importAs?: "draft" | "submitted" } = {}) =>
  planImport({
    ctx: ctx(actor),
    input: {
      organisationId: extra.organisationId ?? orgA.id,
      year: YEAR,
      file,
      fileName: "sheet.xlsx",
      importAs: extra.importAs ?? "submitted",
    },
  });
const eventsOfA = async () => (await database.db.select({ n: count() }).from(event).where(eq(event.organisationId, orgA.id)))[0]?.n ?? 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const day = 86_400_000;
  await openEdition(database.db, {
    year: YEAR,
    startsOn: "2031-04-07",
    endsOn: "2031-04-16",
    submissionOpensAt: new Date(Date.now() - day),
    submissionClosesAt: new Date(Date.now() + 60 * day),
  });
  orgA = await orgIn(database.db, "BW");
  orgB = await orgIn(database.db, "BY");
  ownerA = await makeActor(database.db, "organiser", { organisationIds: [orgA.id] });
  ownerB = await makeActor(database.db, "organiser", { organisationIds: [orgB.id] });
  coordinatorBW = await makeActor(database.db, "coordinator", { stateCodes: ["BW"] });
  coordinatorBY = await makeActor(database.db, "coordinator", { stateCodes: ["BY"] });
  editor = await makeActor(database.db, "editor");
});
afterAll(() => database.close());

describe("template", () => {
  it("has the form's fields as German columns, an example row that imports as it is, value lists and dropdowns", async () => {
    const vocab = await loadVocabulary(database.db);
    const file = await templateXlsx("de", vocab, DAY);
    const workbook = await loadWorkbook(file);
    const [events, values] = workbook.worksheets;
    expect(events?.name).toBe("Veranstaltungen");
    const headers: unknown[] = [];
    events?.getRow(1).eachCell((cell) => headers.push(cell.value));
    expect(headers).toEqual(
      expect.arrayContaining(["Referenz", "Titel (Deutsch)", "Beginn", "Ende", "Format", "Bundesland", "Technologiefelder"]),
    );
    expect(events?.getColumn(headers.indexOf("Beginn") + 1).numFmt).toBe("dd.mm.yyyy hh:mm");
    const formatCell = events?.getCell(2, headers.indexOf("Format") + 1);
    expect(formatCell?.dataValidation?.type).toBe("list");
    expect(values?.name).toBe("Werte");
    expect(JSON.stringify(values?.getColumn(1).values)).toContain("Workshop");
    const preview = await plan(ownerA, file);
    expect(preview.body.counts).toMatchObject({ new: 1, faulty: 0 });
  });

  it("as CSV: UTF-8 with BOM, semicolons, CRLF, the same columns; it imports as it is", async () => {
    const vocab = await loadVocabulary(database.db);
    const csv = templateCsv("de", vocab, DAY);
    expect(csv.startsWith("\ufeffReferenz;Titel (Deutsch);")).toBe(true);
    expect(csv).toContain("\r\n");
    const preview = await plan(ownerA, Buffer.from(csv, "utf8"));
    expect(preview.body.counts).toMatchObject({ new: 1, faulty: 0 });
  });
});

describe("planImport", () => {
  it("shows each problem at its row and column with the form's codes and writes no event", async () => {
    const before = await eventsOfA();
    const rows: Row[] = [
      validRow("P-1", DAY),
      validRow("P-2", DAY, { start: "31.02.2031 10:00" }),
      validRow("P-3", DAY, { formatCode: "Tanzabend" }),
      validRow("P-4", DAY, { titleDe: "" }),
      validRow("", DAY),
    ];
    const preview = await plan(ownerA, await xlsxOf(basicKeys, rows));
    expect(preview.body.counts).toEqual({ new: 1, changed: 0, unchanged: 0, faulty: 4 });
    const problems = preview.body.entries.flatMap((e) =>
      e.problems.filter((p) => p.severity === "error").map((p) => `${p.row}:${p.column}:${p.code}`),
    );
    expect(problems).toEqual(["3:start:dateTime", "4:formatCode:choice", "5:titleDe:required", "6:reference:referenceRequired"]);
    expect(await eventsOfA()).toBe(before);
    const [stored] = await database.db.select().from(importPlan).where(eq(importPlan.id, preview.id));
    expect(stored?.status).toBe("pending");
  });

  it("names a missing required column and ignores unknown, reordered and extra columns", async () => {
    const keys = [...basicKeys].reverse().filter((k) => k !== "formatCode");
    const preview = await plan(ownerA, await xlsxOf(keys, [validRow("M-1", DAY)]));
    expect(preview.body.sheetProblems).toContainEqual({ code: "missingColumn", params: { column: "Format" }, severity: "error" });
    const english = await plan(ownerA, await xlsxOf(basicKeys, [validRow("M-2", DAY, { mode: "on site", formatCode: "workshop" })], "en"));
    expect(english.body.entries[0]?.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reads several dates per reference, a dates column, all-day and German text dates across the DST switch", async () => {
    const rows: Row[] = [
      validRow("D-1", DAY, { start: "30.03.2031 01:30", end: "30.03.2031 03:30" }),
      { reference: "D-1", start: "2.4.31 10:00", end: "12:00" },
      validRow("D-2", DAY, { start: new Date("2031-04-09T00:00:00Z"), end: null }),
    ];
    const preview = await plan(ownerA, await xlsxOf(basicKeys, rows));
    const [d1, d2] = preview.body.entries;
    expect(d1?.rows).toEqual([2, 3]);
    expect(d1?.input?.sessions).toEqual([
      { startDate: "2031-03-30", startTime: "01:30", endDate: "", endTime: "03:30", allDay: false },
      { startDate: "2031-04-02", startTime: "10:00", endDate: "", endTime: "12:00", allDay: false },
    ]);
    expect(d1?.problems.map((p) => p.code)).toContain("check.outsideEdition");
    expect(d2?.input?.sessions).toEqual([{ startDate: "2031-04-09", startTime: "", endDate: "", endTime: "", allDay: true }]);
  });

  it("is refused for another organisation's members and other Länder's coordinators (404), allowed on behalf for BW's coordinator and editors", async () => {
    const file = await xlsxOf(basicKeys, [validRow("Z-1", DAY)]);
    expect(await codeOf(plan(ownerB, file))).toBe("not_found");
    expect(await codeOf(plan(coordinatorBY, file))).toBe("not_found");
    expect(
      await codeOf(planImport({ ctx: ctx(null), input: { organisationId: orgA.id, year: YEAR, file, fileName: "x", importAs: "draft" } })),
    ).toBe("unauthenticated");
    expect(await codeOf(plan(ownerA, file, { organisationId: 999_999 }))).toBe("not_found");
    expect((await plan(coordinatorBW, file)).body.counts.new).toBe(1);
    expect((await plan(editor, file, { organisationId: orgB.id })).body.counts.new).toBe(1);
  });
});

describe("confirmImport", () => {
  it("imports valid rows as submitted with their reference, once; a re-import changes exactly the changed row", async () => {
    const rows = [
      validRow("C-1", DAY),
      validRow("C-2", DAY, { titleDe: "Zweite Veranstaltung" }),
      validRow("C-3", DAY, { titleDe: "Dritte" }),
    ];
    const preview = await plan(ownerA, await xlsxOf(basicKeys, rows));
    expect(await codeOf(confirmImport({ ctx: ctx(ownerB), input: { planId: preview.id } }))).toBe("not_found");
    expect(await confirmImport({ ctx: ctx(ownerA), input: { planId: preview.id } })).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      faulty: 0,
    });
    expect(await codeOf(confirmImport({ ctx: ctx(ownerA), input: { planId: preview.id } }))).toBe("conflict:alreadyConfirmed");
    const imported = await database.db
      .select()
      .from(event)
      .where(and(eq(event.organisationId, orgA.id), eq(event.externalRef, "C-2")));
    expect(imported.map((e) => [e.status, e.titleDe, e.version])).toEqual([["submitted", "Zweite Veranstaltung", 2]]);

    rows[1] = { ...rows[1], "venue.city": "Esslingen", "venue.postalCode": "73728" };
    const again = await plan(ownerA, await xlsxOf(basicKeys, rows));
    expect(again.body.counts).toEqual({ new: 0, changed: 1, unchanged: 2, faulty: 0 });
    expect(again.body.entries[1]?.changes.map((c) => c.field).sort()).toEqual(["venue.city", "venue.postalCode"]);
    const historyBefore = (await database.db.select({ n: count() }).from(eventHistory))[0]?.n ?? 0;
    expect(await confirmImport({ ctx: ctx(ownerA), input: { planId: again.id } })).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await database.db
      .select()
      .from(event)
      .where(and(eq(event.organisationId, orgA.id), eq(event.externalRef, "C-1")));
    expect(after[0]?.version).toBe(2);
    expect((await database.db.select({ n: count() }).from(eventHistory))[0]?.n).toBe(historyBefore + 1);
    expect(await database.db.select({ n: count() }).from(event).where(eq(event.externalRef, "C-2"))).toEqual([{ n: 1 }]);
  });

  it("takes a reference as the organisation's own per edition: next year's sheet with the same references makes new events", async () => {
    const nextYear = YEAR + 1;
    await openEdition(database.db, {
      year: nextYear,
      startsOn: `${nextYear}-04-06`,
      endsOn: `${nextYear}-04-15`,
      submissionOpensAt: new Date(Date.now() - 86_400_000),
      submissionClosesAt: new Date(Date.now() + 60 * 86_400_000),
    });
    const first = await plan(ownerA, await xlsxOf(basicKeys, [validRow("Y-1", DAY, { titleDe: "Jahrestreffen" })]));
    await confirmImport({ ctx: ctx(ownerA), input: { planId: first.id } });
    const [earlier] = await database.db.select().from(event).where(eq(event.externalRef, "Y-1"));
    const nextDay = `${nextYear}-04-07`;
    const sheet = await xlsxOf(basicKeys, [validRow("Y-1", nextDay, { titleDe: "Jahrestreffen, neue Ausgabe" })]);
    const next = await planImport({
      ctx: ctx(ownerA),
      input: { organisationId: orgA.id, year: nextYear, file: sheet, fileName: "sheet.xlsx", importAs: "submitted" },
    });
    expect(next.body.counts).toEqual({ new: 1, changed: 0, unchanged: 0, faulty: 0 });
    expect(await confirmImport({ ctx: ctx(ownerA), input: { planId: next.id } })).toMatchObject({ created: 1, updated: 0 });
    const both = await database.db.select().from(event).where(eq(event.externalRef, "Y-1")).orderBy(event.id);
    expect(both.map((e) => [e.editionId === earlier?.editionId, e.titleDe, e.version])).toEqual([
      [true, "Jahrestreffen", earlier?.version],
      [false, "Jahrestreffen, neue Ausgabe", 2],
    ]);
    // Within an edition the reference still names one event: the same sheet again changes nothing.
    const again = await planImport({
      ctx: ctx(ownerA),
      input: { organisationId: orgA.id, year: nextYear, file: sheet, fileName: "sheet.xlsx", importAs: "submitted" },
    });
    expect(again.body.counts).toEqual({ new: 0, changed: 0, unchanged: 1, faulty: 0 });
  });

  it("imports drafts when asked, and writes nothing when an event changed since the preview", async () => {
    const preview = await plan(ownerA, await xlsxOf(basicKeys, [validRow("S-1", DAY)]), { importAs: "draft" });
    await confirmImport({ ctx: ctx(ownerA), input: { planId: preview.id } });
    const [row] = await database.db.select().from(event).where(eq(event.externalRef, "S-1"));
    expect(row?.status).toBe("draft");
    const changed = await plan(ownerA, await xlsxOf(basicKeys, [validRow("S-1", DAY, { titleDe: "Neu" }), validRow("S-2", DAY)]), {
      importAs: "draft",
    });
    await database.db.update(event).set({ version: 7 }).where(eq(event.externalRef, "S-1"));
    expect(await codeOf(confirmImport({ ctx: ctx(ownerA), input: { planId: changed.id } }))).toBe("conflict:stale");
    expect(await database.db.select().from(event).where(eq(event.externalRef, "S-2"))).toEqual([]);
    const sessions = await database.db
      .select()
      .from(eventSession)
      .where(eq(eventSession.eventId, row?.id ?? 0));
    expect(sessions).toHaveLength(1);
  });
});

describe("CSV", () => {
  it("reads German Excel's CSV (Windows-1252, sep=;) and comma-separated UTF-8", async () => {
    const row = validRow("W-1", DAY, { titleDe: "Größenwahn – Straße „Ü“", "venue.city": "Tübingen" });
    const german = await plan(ownerA, csvOf(basicKeys, [row], { encoding: "windows-1252", sepLine: true }));
    expect(german.body.entries[0]?.input?.titleDe).toBe("Größenwahn – Straße „Ü“");
    expect(german.body.entries[0]?.action).toBe("new");
    const comma = await plan(ownerA, csvOf(basicKeys, [row], { delimiter: "," }));
    expect(comma.body.entries[0]?.input?.venue).toMatchObject({ city: "Tübingen" });
  });
});
