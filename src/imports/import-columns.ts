import { z } from "zod";
import { EventInput } from "../event-form/event-form.schemas.ts";
import { markableEventFields } from "../event-form/event-form-fields.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";

/**
 * How a column's cells are read: plain text, yes/no, a number, one value of a list, several values of a
 * list, Berlin date-times, a list of further dates, names one per line, links ("Text | https://…").
 */
export type ColumnKind = "text" | "yesNo" | "number" | "choice" | "choices" | "dateTime" | "day" | "dates" | "names" | "links";
/** The value lists of the template's "Werte" sheet. */
export type ValueListName = "formats" | "modes" | "states" | "topics" | "targetGroups" | "languages" | "yesNo";

export type ImportColumn = {
  /** The EventInput path ("venue.city"), or one of the sheet's own columns (reference, start, end, allDay, moreDates). */
  key: string;
  de: string;
  en: string;
  kind: ColumnKind;
  required: boolean;
  values?: ValueListName;
  width: number;
};

/** Fields the sheet does not carry: images are uploaded in the form, never named in a spreadsheet. */
const notInSheet = new Set(["imageUrl", "imageAlt", "imageCredit"]);
/** Which value list a field's codes come from (enums bring their own values; taxonomies live in the database). */
const valueListOf: Record<string, ValueListName> = {
  formatCode: "formats",
  mode: "modes",
  "venue.stateCode": "states",
  topics: "topics",
  targetGroups: "targetGroups",
  languages: "languages",
};
/** Lists of free names rather than codes. */
const nameLists = new Set(["coOrganisers"]);
/** Header keys where the form's label alone would be ambiguous in one row of headers. */
const headerKeyOf: Record<string, string> = {
  contactName: "imports.headers.contactName",
  contactEmail: "imports.headers.contactEmail",
  contactPhone: "imports.headers.contactPhone",
  contactPublic: "imports.headers.contactPublic",
  onlineUrlPublic: "imports.headers.onlineUrlPublic",
  isFree: "imports.headers.isFree",
  "venue.country": "imports.headers.country",
  "accessibility.stepFree": "eventForm.fields.stepFree",
  "accessibility.hearingLoop": "eventForm.fields.hearingLoop",
  "accessibility.signLanguage": "eventForm.fields.signLanguage",
  "accessibility.subtitles": "eventForm.fields.subtitles",
  registrationDeadline: "eventForm.fields.registrationDeadline",
};
const markableLabel = new Map<string, string>(markableEventFields.map((f) => [f.name, f.labelKey]));

/** A text by its i18n key (keys built from field names, so checked by the columns test, not by the compiler). */
const text = (lang: Lang, i18nKey: string): string => (translator(lang) as unknown as (k: string) => string)(i18nKey);
const label = (lang: Lang, path: string): string =>
  text(lang, headerKeyOf[path] ?? markableLabel.get(path) ?? `eventForm.fields.${path.split(".").pop()}`);

/** The schema under optional/default/nullable wrappers and input transforms; for unions, the non-empty alternative. */
function unwrap(s: z.core.$ZodType): z.core.$ZodType {
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) return unwrap(s.unwrap());
  if (s instanceof z.ZodPipe) return unwrap(s.in);
  if (s instanceof z.ZodUnion) {
    const real = s.options.filter((o) => !(unwrap(o) instanceof z.ZodLiteral));
    const chosen = real[real.length - 1] ?? s.options[0];
    return chosen ? unwrap(chosen) : s;
  }
  return s;
}

/** Whether empty input fails (a required text or an enum without default). */
function isRequired(s: z.core.$ZodType): boolean {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodPipe) return false;
  if (s instanceof z.ZodEnum) return true;
  return s instanceof z.ZodString && !s.safeParse("").success;
}

function leafColumns(path: string, schema: z.core.$ZodType, out: ImportColumn[]): void {
  if (notInSheet.has(path)) return;
  const inner = unwrap(schema);
  const base = { key: path, de: label("de", path), en: label("en", path), required: isRequired(schema), values: valueListOf[path] };
  if (path === "sessions") {
    out.push(...dateColumns());
    return;
  }
  if (inner instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(inner.shape)) leafColumns(`${path}.${k}`, v, out);
    return;
  }
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element);
    // Lists of codes are comma-separated; lists of names (which may contain commas) one per line or ";".
    const kind: ColumnKind = element instanceof z.ZodObject ? "links" : nameLists.has(path) ? "names" : "choices";
    out.push({ ...base, kind, width: kind === "links" ? 40 : 24, required: false });
    return;
  }
  if (inner instanceof z.ZodBoolean) out.push({ ...base, kind: "yesNo", values: "yesNo", width: 12 });
  else if (inner instanceof z.ZodNumber) out.push({ ...base, kind: "number", width: 12 });
  else if (inner instanceof z.ZodEnum || base.values) out.push({ ...base, kind: "choice", width: 20 });
  else if (path === "registrationDeadline") out.push({ ...base, kind: "day", width: 14 });
  else out.push({ ...base, kind: "text", width: /description/.test(path) ? 60 : 30 });
}

function dateColumns(): ImportColumn[] {
  const col = (key: string, kind: ColumnKind, required: boolean, width: number, values?: ValueListName): ImportColumn => ({
    key,
    de: text("de", `imports.columns.${key}`),
    en: text("en", `imports.columns.${key}`),
    kind,
    required,
    width,
    values,
  });
  return [
    col("start", "dateTime", true, 18),
    col("end", "dateTime", false, 18),
    col("allDay", "yesNo", false, 12, "yesNo"),
    col("moreDates", "dates", false, 40),
  ];
}

/**
 * The template's columns, generated from the event form's schema (EventInput): every field the form
 * has becomes a column, so a new field appears in both. First the organiser's own reference.
 */
function buildColumns(): ImportColumn[] {
  const out: ImportColumn[] = [];
  for (const [key, schema] of Object.entries(EventInput.shape)) leafColumns(key, schema, out);
  const reference: ImportColumn = {
    key: "reference",
    de: text("de", "imports.columns.reference"),
    en: text("en", "imports.columns.reference"),
    kind: "text",
    required: true,
    width: 14,
  };
  return [reference, ...out];
}

export const importColumns: readonly ImportColumn[] = buildColumns();

/** A header as typed, compared without case, accents, umlaut spelling, punctuation and spaces. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .replace(/ß/g, "ss")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u")
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

const byHeader = new Map<string, ImportColumn>();
for (const c of importColumns) for (const name of [c.de, c.en, c.key]) byHeader.set(headerKey(name), c);

/** The column a header names (German, English or the field name), if any. */
export const columnOfHeader = (header: string): ImportColumn | undefined => byHeader.get(headerKey(header));
