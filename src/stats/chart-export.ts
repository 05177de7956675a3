import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { defuse } from "../feeds/export-formats.ts";
import type { ChartTable } from "./chart-tables.ts";

/** The header and rows of a chart's table, exactly as the page shows them. */
const recordsOf = (table: ChartTable): string[][] => [
  [table.labelHeader, ...table.series],
  ...table.rows.map((r) => [defuse(r.label), ...r.values.map(String)]),
];

/** CSV for a German Excel, as the programme export: UTF-8 with BOM, `;`, CRLF. */
export function chartToCsv(table: ChartTable): string {
  return stringify(recordsOf(table), { bom: true, delimiter: ";", record_delimiter: "windows" });
}

/** One worksheet named after the chart: the header row (bold, frozen), labels as text, numbers as numbers. */
export async function chartToXlsx(table: ChartTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clusterwoche";
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([table.labelHeader, ...table.series]).font = { bold: true };
  for (const r of table.rows) sheet.addRow([defuse(r.label), ...r.values]);
  sheet.getColumn(1).width = Math.min(60, Math.max(12, ...table.rows.map((r) => r.label.length + 2)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
