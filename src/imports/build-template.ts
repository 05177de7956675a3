import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { type ImportColumn, importColumns, type ValueListName } from "./import-columns.ts";
import type { Vocabulary } from "./import-vocabulary.ts";

/** Rows of the events sheet that carry dropdown validation (beyond the example). */
const VALIDATED_ROWS = 2000;
export const DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm";
export const DATE_FORMAT = "dd.mm.yyyy";

type Example = string | Date;

/** A complete example event on the edition's first day, valid as it is (the parser test imports it). */
function exampleRow(lang: Lang, vocab: Vocabulary, firstDay: string): Record<string, Example> {
  const t = translator(lang);
  const name = (list: ValueListName, index = 0) => vocab[list][index]?.[lang] ?? "";
  const wallClock = (time: string) => new Date(`${firstDay}T${time}:00Z`);
  return {
    reference: "VA-001",
    titleDe: t("imports.exampleTitle"),
    summaryDe: t("imports.exampleSummary"),
    formatCode: name("formats"),
    mode: name("modes"),
    start: wallClock("10:00"),
    end: wallClock("12:00"),
    allDay: name("yesNo", 1),
    "venue.name": "Haus der Wirtschaft",
    "venue.street": "Willi-Bleicher-Straße 19",
    "venue.postalCode": "70174",
    "venue.city": "Stuttgart",
    "venue.stateCode": vocab.states.find((s) => s.code === "BW")?.[lang] ?? name("states"),
    "venue.country": "DE",
    topics: name("topics"),
    languages: name("languages"),
    isFree: name("yesNo"),
    onlineUrlPublic: name("yesNo", 1),
    contactPublic: name("yesNo", 1),
  };
}

const header = (c: ImportColumn, lang: Lang) => (lang === "en" ? c.en : c.de);

/** The value lists as pairs of columns (name, code) on the "Werte" sheet; where each list's names are. */
function writeValues(sheet: ExcelJS.Worksheet, lang: Lang, vocab: Vocabulary): Map<ValueListName, string> {
  const t = translator(lang);
  const ranges = new Map<ValueListName, string>();
  const lists: ValueListName[] = ["formats", "modes", "states", "topics", "targetGroups", "languages", "yesNo"];
  lists.forEach((list, i) => {
    const nameCol = i * 3 + 1;
    const column = importColumns.find((c) => c.values === list);
    sheet.getCell(1, nameCol).value = column ? header(column, lang) : list;
    sheet.getCell(1, nameCol + 1).value = t("imports.valueCode");
    sheet.getColumn(nameCol).width = 34;
    sheet.getColumn(nameCol + 1).width = 14;
    vocab[list].forEach((entry, row) => {
      sheet.getCell(row + 2, nameCol).value = entry[lang];
      sheet.getCell(row + 2, nameCol + 1).value = entry.code;
    });
    const letter = sheet.getColumn(nameCol).letter;
    ranges.set(list, `'${sheet.name}'!$${letter}$2:$${letter}$${Math.max(2, vocab[list].length + 1)}`);
  });
  sheet.getRow(1).font = { bold: true };
  return ranges;
}

/** The XLSX template: events sheet (German or English headers, example row, date formats, dropdowns), values, help. */
export async function templateXlsx(lang: Lang, vocab: Vocabulary, firstDay: string): Promise<Buffer> {
  const t = translator(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clusterwoche";
  const events = workbook.addWorksheet(t("imports.sheets.events"), { views: [{ state: "frozen", ySplit: 1 }] });
  const values = workbook.addWorksheet(t("imports.sheets.values"));
  const help = workbook.addWorksheet(t("imports.sheets.help"));
  events.columns = importColumns.map((c) => ({
    header: header(c, lang),
    key: c.key,
    width: c.width,
    style: c.kind === "dateTime" ? { numFmt: DATE_TIME_FORMAT } : c.kind === "day" ? { numFmt: DATE_FORMAT } : {},
  }));
  events.getRow(1).font = { bold: true };
  events.addRow(exampleRow(lang, vocab, firstDay));
  const ranges = writeValues(values, lang, vocab);
  importColumns.forEach((c, i) => {
    const range = c.values ? ranges.get(c.values) : undefined;
    if (!range) return;
    // Single values are enforced; lists of several values ("a, b") only suggest the first.
    const strict = c.kind === "choice" || c.kind === "yesNo";
    const letter = events.getColumn(i + 1).letter;
    for (let row = 2; row <= VALIDATED_ROWS; row++) {
      events.getCell(`${letter}${row}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [range],
        showErrorMessage: strict,
        errorStyle: strict ? "stop" : "information",
      };
    }
  });
  for (const key of ["reference", "dates", "moreDates", "lists", "links"] as const) help.addRow([t(`imports.help.${key}`)]);
  help.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "02.04.2019 10:00" of a wall-clock Date (its UTC fields are the Berlin time). */
const germanWallClock = (d: Date) => {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};

/** The CSV template as German Excel reads it: UTF-8 with BOM, `;`, CRLF, headers and the example row. */
export function templateCsv(lang: Lang, vocab: Vocabulary, firstDay: string): string {
  const example = exampleRow(lang, vocab, firstDay);
  const row = importColumns.map((c) => {
    const value = example[c.key];
    return value instanceof Date ? germanWallClock(value) : (value ?? "");
  });
  return stringify([importColumns.map((c) => header(c, lang)), row], { bom: true, delimiter: ";", record_delimiter: "windows" });
}
