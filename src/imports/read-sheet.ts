import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { checkZip, decodeText, ImportFileError, MAX_ROWS, sniffFile } from "./file-guard.ts";
import { columnOfHeader } from "./import-columns.ts";
import type { CellValue } from "./parse-dates.ts";

/** A sheet as read: the header texts and the non-empty rows with the row number a spreadsheet program shows. */
export type Sheet = { headers: string[]; rows: { number: number; cells: CellValue[] }[] };

/** How many leading rows may stand above the header row (a title, a note). */
const HEADER_SEARCH_ROWS = 10;

/** Reads an uploaded XLSX or CSV after the hostile-file checks; every refusal is an ImportFileError. */
export async function readSheet(buf: Buffer): Promise<Sheet> {
  const kind = sniffFile(buf);
  const grid = kind === "zip" ? await readXlsx(buf) : readCsv(decodeText(buf));
  return toSheet(grid);
}

/** The values of an XLSX's first worksheet that has content: formulas as their results, merged cells as the merged value. */
async function readXlsx(buf: Buffer): Promise<{ number: number; cells: CellValue[] }[]> {
  checkZip(buf);
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(buf);
  } catch {
    throw new ImportFileError("unreadable");
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) throw new ImportFileError("noRows");
  if (sheet.rowCount > MAX_ROWS + 1) throw new ImportFileError("tooManyRows");
  const rows: { number: number; cells: CellValue[] }[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push({ number, cells });
  });
  return rows;
}

/** An XLSX workbook from bytes (exceljs reads Node Buffers; its type names only ArrayBuffer). */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  return workbook;
}

/** A cell's value as data: the result of a formula (never the formula), the text of rich text and links. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = "result" in value ? value.result : undefined;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date)) return "error" in result ? String(result.error) : null;
    return result;
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : String(value.hyperlink);
  if ("error" in value) return String(value.error);
  return null;
}

/** Records of a CSV: `;`, `,` or tab (whichever the header line uses most, or Excel's "sep=;" line). */
function readCsv(text: string): { number: number; cells: CellValue[] }[] {
  let body = text;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  delimiter ??= [";", ",", "\t"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ";";
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: 1_000_000 });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = String((error as CsvError & { lines?: number }).lines ?? "?");
      throw new ImportFileError("brokenCsv", { line, reason: error.code });
    }
    throw new ImportFileError("unreadable");
  }
  if (records.length > MAX_ROWS + 1) throw new ImportFileError("tooManyRows");
  return records.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => c) }));
}

const isEmpty = (cells: CellValue[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

function toSheet(grid: { number: number; cells: CellValue[] }[]): Sheet {
  const rows = grid.filter((r) => !isEmpty(r.cells));
  // The header row is the first of the leading rows that names a template column.
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => typeof c === "string" && columnOfHeader(c)));
  if (headerIndex < 0) throw new ImportFileError(rows.length ? "noHeader" : "noRows");
  const headers = (rows[headerIndex]?.cells ?? []).map((c) => (c === null ? "" : String(c).trim()));
  const data = rows.slice(headerIndex + 1);
  if (data.length === 0) throw new ImportFileError("noRows");
  return { headers, rows: data };
}
