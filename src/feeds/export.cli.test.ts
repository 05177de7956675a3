import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { currentYear } from "../../test/template.ts";
import { openPglite } from "../db/client.ts";
import { exportEdition } from "./export.cli.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const baseUrl = "http://localhost:3000";
const run = (year: number, format: "csv" | "xlsx" | "ics", lang: "de" | "en" = "de") =>
  exportEdition({ ctx: { db: t.database.db }, input: { year, format, lang, baseUrl } });
const http = async (url: string) => (await t.app.inject({ method: "GET", url })).rawPayload;

const csvRows = (text: string) => parse(text, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
const icsEvents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
async function xlsxRows(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

describe("exportEdition", () => {
  it("gives the same CSV and iCalendar as the HTTP export and feed of that edition", async () => {
    for (const year of [2019, 2017]) {
      const csv = await run(year, "csv");
      expect(csv.content).toBe((await http(`/export/events.csv?edition=${year}`)).toString("utf8"));
      expect(csvRows(String(csv.content))).toHaveLength(csv.events);
      expect(csv.events).toBeGreaterThan(0);
      const ics = await run(year, "ics");
      expect(ics.content).toBe((await http(`/feeds/events.ics?edition=${year}`)).toString("utf8"));
      expect(new Set(icsEvents(String(ics.content)).map((v) => v.getFirstPropertyValue("url"))).size).toBe(csv.events);
    }
  });

  it("writes a workbook with one row per event, in English when asked", async () => {
    const xlsx = await run(2019, "xlsx", "en");
    expect(Buffer.isBuffer(xlsx.content)).toBe(true);
    const sheet = await xlsxRows(xlsx.content as Buffer);
    expect(sheet.name).toBe("Events");
    expect(sheet.getRow(1).getCell(1).value).toBe("Title");
    expect(sheet.rowCount).toBe(xlsx.events + 1);
    const httpSheet = await xlsxRows(await http("/export/events.xlsx?edition=2019&lang=en"));
    expect(sheet.getColumn(1).values).toEqual(httpSheet.getColumn(1).values);
  });

  it("refuses an unknown edition, naming the known ones", async () => {
    await expect(run(1999, "csv")).rejects.toThrow(`Unknown edition 1999. Editions: ${currentYear}, 2019, 2017.`);
  });
});

// The command itself, as an operator runs it: a child process on an embedded database of its own.
describe.skipIf(process.env.TEST_DB_KIND === "postgres")(
  "npm run cli -- export (child process on its own embedded database; skipped in the postgres project, where it would test nothing new)",
  () => {
    const root = path.resolve(import.meta.dirname, "../..");
    let dataDir: string;

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-export-"));
      const database = await openPglite({
        dataDir: path.join(dataDir, "pglite"),
        loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]),
      });
      await database.close();
    });
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    /** Runs the CLI; several may run at once (only one of them may open the database). */
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: Buffer; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "export", ...args], {
          cwd: root,
          env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, LOG_LEVEL: "silent", BASE_URL: baseUrl },
          timeout: 90_000,
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
        child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
      });

    it("writes CSV to standard output and XLSX to a file", { timeout: 180_000 }, async () => {
      const csv = await cli("--edition", "2019", "--format", "csv");
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.toString("utf8")).toBe(String((await run(2019, "csv")).content));
      expect(csv.stderr).toMatch(/^Exported \d+ events of 2019 as csv\.\n$/);

      const xlsxFile = path.join(dataDir, "programme.xlsx");
      const xlsx = await cli("--edition", "2017", "--format", "xlsx", "--out", xlsxFile);
      expect(xlsx.code, xlsx.stderr).toBe(0);
      expect(xlsx.stdout.length).toBe(0);
      expect((await xlsxRows(fs.readFileSync(xlsxFile))).rowCount).toBe((await run(2017, "xlsx")).events + 1);
    });

    it("exits with 2 and a message for an unknown edition, a bad format or a missing option", { timeout: 180_000 }, async () => {
      const cases = [
        [["--edition", "1999", "--format", "csv"], `Unknown edition 1999. Editions: ${currentYear}, 2019, 2017.`],
        [["--edition", "2019", "--format", "pdf"], "Allowed choices are csv, xlsx, ics"],
        [["--edition", "next", "--format", "csv"], "must be a year like 2019"],
        [["--format", "csv"], "required option '--edition <year>' not specified"],
      ] as const;
      const results = await Promise.all(cases.map(([args]) => cli(...args)));
      cases.forEach(([args, message], i) => {
        const result = results[i];
        expect(result?.code, args.join(" ")).toBe(2);
        expect(result?.stderr).toContain(message);
        expect(result?.stderr).not.toMatch(/\n\s+at /);
        expect(result?.stdout.length).toBe(0);
      });
    });
  },
);
