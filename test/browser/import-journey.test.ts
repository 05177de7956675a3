import fs from "node:fs/promises";
import { and, asc, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { event, eventHistory, importPlan } from "../../src/db/schema/index.ts";
import { openEdition } from "../../src/event-form/event-form.fixtures.ts";
import { createUser, type TestUser } from "../accounts.ts";
import { demoOrganisationsInBw } from "../personas.ts";
import { expectNoViolations, launchBrowser, logIn, type RunningServer, startServer } from "./browser.ts";

/**
 * The spreadsheet import as a new organiser takes it (issue #9), in a real browser with and without
 * JavaScript: the template downloaded from the organiser area, filled with ExcelJS as Excel would save
 * it, uploaded with a mistake, the problem at its row and column, fixed, uploaded again, confirmed (once:
 * a second confirm from another tab is refused), the events submitted on the dashboard; then the same
 * sheet with one row changed updates exactly that event. axe on the import pages.
 */
let server: RunningServer;
let browser: Browser;
const users: TestUser[] = [];
const orgIds: number[] = [];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.testApp.database.db;
  await openEdition(db); // 2027, open for submissions
  for (const org of await demoOrganisationsInBw(server.testApp)) {
    orgIds.push(org.id);
    users.push(await createUser(db, { role: "organiser", organisationIds: [org.id], name: `Importeurin ${org.slug}` }));
  }
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const db = () => server.testApp.database.db;

/** The template's events sheet, its columns found by their German headers (as a person reads them). */
class FilledTemplate {
  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly sheet: ExcelJS.Worksheet,
    private readonly columns: Map<string, number>,
  ) {}

  static async of(file: Buffer): Promise<FilledTemplate> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Veranstaltungen");
    if (!sheet) throw new Error(`no sheet "Veranstaltungen": ${workbook.worksheets.map((w) => w.name).join(", ")}`);
    const columns = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, col) => {
      columns.set(String(cell.value), col);
    });
    return new FilledTemplate(workbook, sheet, columns);
  }

  /** The example row's value under a header. */
  value(row: number, header: string): ExcelJS.CellValue {
    return this.sheet.getCell(row, this.column(header)).value;
  }

  /** Writes cells by header; the other cells of the row are copied from the example row first when `fromExample`. */
  set(row: number, values: Record<string, ExcelJS.CellValue>, fromExample = false): void {
    if (fromExample) for (const col of this.columns.values()) this.sheet.getCell(row, col).value = this.sheet.getCell(2, col).value;
    for (const [header, value] of Object.entries(values)) this.sheet.getCell(row, this.column(header)).value = value;
  }

  async save(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  private column(header: string): number {
    const col = this.columns.get(header);
    if (!col) throw new Error(`no column "${header}" in ${[...this.columns.keys()].join(", ")}`);
    return col;
  }
}

/** A Berlin wall-clock time in a date cell (the template's cells hold wall-clock dates, as Excel does). */
const at = (day: string, time: string) => new Date(`${day}T${time}:00Z`);

/** The organiser area's import page, reached through its navigation. */
async function openImportPage(page: Page): Promise<void> {
  await page.goto(`${server.origin}/mein-bereich`);
  await Promise.all([page.waitForURL(/\/mein-bereich\/import(\?.*)?$/), page.getByRole("link", { name: "Tabellen-Import" }).click()]);
}

/** Chooses the file in the upload form and sends it; returns the preview's URL. */
async function upload(page: Page, file: Buffer): Promise<string> {
  await page
    .getByLabel("Datei (XLSX oder CSV, höchstens 50 MB)")
    .setInputFiles({ name: "veranstaltungen.xlsx", mimeType: XLSX, buffer: file });
  await Promise.all([
    page.waitForURL(/\/mein-bereich\/import\/[0-9a-f]{32}$/),
    page.getByRole("button", { name: "Hochladen und Vorschau anzeigen" }).click(),
  ]);
  return page.url();
}

const counts = (page: Page) => page.locator(".import-counts").innerText();
/** The problems table as [row, column, severity, message] lines. */
const problemRows = async (page: Page) =>
  Promise.all((await page.locator("table.import-problems tbody tr").all()).map((tr) => tr.locator("td").allInnerTexts()));
const eventsOf = (organisationId: number, refs: string[]) =>
  db()
    .select({
      id: event.id,
      ref: event.externalRef,
      title: event.titleDe,
      status: event.status,
      version: event.version,
      updatedAt: event.updatedAt,
    })
    .from(event)
    .where(and(eq(event.organisationId, organisationId), inArray(event.externalRef, refs)))
    .orderBy(asc(event.externalRef));
const historyOf = (ids: number[]) =>
  db()
    .select({ id: eventHistory.id, eventId: eventHistory.eventId, action: eventHistory.action, changes: eventHistory.changes })
    .from(eventHistory)
    .where(inArray(eventHistory.eventId, ids))
    .orderBy(asc(eventHistory.id));

async function journey(javaScriptEnabled: boolean, who: number): Promise<void> {
  const organisationId = orgIds[who] ?? 0;
  const user = users[who];
  if (!user) throw new Error("no user");
  const tag = javaScriptEnabled ? "JS" : "NOJS";
  const refs = [`${tag}-1`, `${tag}-2`, `${tag}-3`];
  const page = await logIn(browser, server.origin, user, javaScriptEnabled);

  // 1. The template, downloaded for real from the organiser area.
  await openImportPage(page);
  if (javaScriptEnabled) await expectNoViolations(page, "import page");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Vorlage als Excel-Datei (XLSX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("clusterwoche-importvorlage.xlsx");
  const path = await download.path();
  const sheet = await FilledTemplate.of(await fs.readFile(path));
  expect(String(sheet.value(2, "Titel (Deutsch)"))).toContain("Beispiel");

  // 2. Three events over the example row; the second has an impossible date.
  const summary = "Offene Werkstatt zu Leichtbau und Kreislaufwirtschaft für Betriebe aus der Region.";
  sheet.set(2, {
    Referenz: refs[0],
    "Titel (Deutsch)": `Leichtbau-Werkstatt ${tag}`,
    "Kurzbeschreibung (Deutsch)": summary,
    Beginn: at("2027-04-07", "09:00"),
    Ende: at("2027-04-07", "11:00"),
  });
  sheet.set(
    3,
    { Referenz: refs[1], "Titel (Deutsch)": `Wasserstoff-Forum ${tag}`, Beginn: "31.02.2027 10:00", Ende: at("2027-04-08", "12:00") },
    true,
  );
  sheet.set(
    4,
    { Referenz: refs[2], "Titel (Deutsch)": `Batterie-Dialog ${tag}`, Beginn: at("2027-04-09", "14:00"), Ende: at("2027-04-09", "16:00") },
    true,
  );
  await upload(page, await sheet.save());

  // 3. The preview: the mistake at row 3, column "Beginn"; nothing saved yet.
  expect(await page.locator("main").innerText()).toContain("Noch ist nichts gespeichert. Datei „veranstaltungen.xlsx“ für");
  expect(await counts(page)).toBe("2 neu, 0 geändert, 0 unverändert, 1 fehlerhaft");
  expect(await problemRows(page)).toEqual([["3", "Beginn", "Fehler", "Bitte ein Datum wie 02.04.2019 10:00 angeben."]]);
  if (javaScriptEnabled) await expectNoViolations(page, "preview with a problem");
  expect(await eventsOf(organisationId, refs)).toEqual([]);

  // 4. Fixed and uploaded again through the preview's link.
  sheet.set(3, { Beginn: at("2027-04-08", "10:00") });
  const fixed = await sheet.save();
  await Promise.all([
    page.waitForURL(/\/mein-bereich\/import(\?.*)?$/),
    page.getByRole("link", { name: "Korrigierte Tabelle hochladen" }).click(),
  ]);
  const previewUrl = await upload(page, fixed);
  expect(await counts(page)).toBe("3 neu, 0 geändert, 0 unverändert, 0 fehlerhaft");
  expect(await problemRows(page)).toEqual([]);

  // 5. The preview survives a reload; a second tab holds the same preview.
  await page.reload();
  expect(await counts(page)).toBe("3 neu, 0 geändert, 0 unverändert, 0 fehlerhaft");
  const otherTab = await page.context().newPage();
  await otherTab.goto(previewUrl);

  // 6. Confirmed once; the second tab's confirm is refused and writes nothing.
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "3 gültige Zeile(n) importieren" }).click()]);
  await expect.poll(() => page.getByText("Import abgeschlossen: 3 neu angelegt, 0 aktualisiert, 0 unverändert.").count()).toBe(1);
  if (javaScriptEnabled) await expectNoViolations(page, "confirmed preview");
  const created = await eventsOf(organisationId, refs);
  expect(created.map((e) => [e.ref, e.status, e.version])).toEqual(refs.map((r) => [r, "submitted", expect.any(Number)]));
  const response = await Promise.all([
    otherTab.waitForResponse((r) => r.url().endsWith("/bestaetigen")),
    otherTab.getByRole("button", { name: "3 gültige Zeile(n) importieren" }).click(),
  ]);
  expect(response[0].status()).toBe(409);
  await expect.poll(() => otherTab.getByRole("alert").innerText()).toContain("Dieser Import wurde bereits bestätigt.");
  expect(await eventsOf(organisationId, refs)).toEqual(created);
  await otherTab.close();

  // 7. The dashboard lists them as submitted.
  await Promise.all([page.waitForURL(/\/mein-bereich(\?.*)?$/), page.getByRole("link", { name: /Zu „Mein Bereich“/ }).click()]);
  const submitted = page.locator("section.status-submitted");
  await expect.poll(() => submitted.locator("h3").innerText()).toMatch(/^Eingereicht \(\d+\)$/);
  const listed = await submitted.locator(".dashboard-event a").allInnerTexts();
  for (const title of [`Leichtbau-Werkstatt ${tag}`, `Wasserstoff-Forum ${tag}`, `Batterie-Dialog ${tag}`]) expect(listed).toContain(title);

  // 8. The same sheet with one row changed: exactly that event changes, nothing is duplicated.
  const historyBefore = await historyOf(created.map((e) => e.id));
  sheet.set(4, { "Titel (Deutsch)": `Batterie-Dialog ${tag} (neuer Titel)` });
  await openImportPage(page);
  await upload(page, await sheet.save());
  expect(await counts(page)).toBe("0 neu, 1 geändert, 2 unverändert, 0 fehlerhaft");
  const changedRow = page.locator("table.import-rows tbody tr", { hasText: refs[2] ?? "" });
  await expect
    .poll(() => changedRow.innerText())
    .toContain(`Titel (Deutsch): Batterie-Dialog ${tag} → Batterie-Dialog ${tag} (neuer Titel)`);
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "1 gültige Zeile(n) importieren" }).click()]);
  await expect.poll(() => page.getByText("Import abgeschlossen: 0 neu angelegt, 1 aktualisiert, 2 unverändert.").count()).toBe(1);

  const after = await eventsOf(organisationId, refs);
  expect(after.map((e) => e.id)).toEqual(created.map((e) => e.id));
  const [first, second, third] = created;
  if (!first || !second || !third) throw new Error("three events expected");
  expect(after).toEqual([
    first,
    second,
    { ...third, title: `Batterie-Dialog ${tag} (neuer Titel)`, version: third.version + 1, updatedAt: expect.any(Date) },
  ]);
  const newHistory = (await historyOf(created.map((e) => e.id))).slice(historyBefore.length);
  expect(newHistory.map((h) => h.eventId)).toEqual([third.id]);
  expect(newHistory[0]?.changes).toEqual([expect.objectContaining({ field: "titleDe" })]);
  await page.context().close();
}

describe("the import journey in a browser", () => {
  it("with JavaScript: template → mistake at its cell → fixed → confirmed once → submitted → one row re-imported", async () => {
    await journey(true, 0);
  }, 60_000);

  it("without JavaScript, the same", async () => {
    await journey(false, 1);
  }, 60_000);

  it("left every preview of the journeys confirmed exactly once", async () => {
    const plans = await db().select({ status: importPlan.status }).from(importPlan).where(inArray(importPlan.organisationId, orgIds));
    expect(plans.map((p) => p.status).sort()).toEqual(["confirmed", "confirmed", "confirmed", "confirmed", "pending", "pending"]);
  });
});
