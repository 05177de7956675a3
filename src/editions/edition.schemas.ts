import { z } from "zod";
import { validationFailed } from "../lib/errors.ts";
import { withoutControlCharacters } from "../lib/form-text.ts";
import { emailField, optionalText, requiredText, textField } from "../organiser/organiser.schemas.ts";

/**
 * The editors' edition form (German first, English second). Message keys are those of the form kit
 * (organiser.errors); rows (patrons, contacts) are posted as `patrons.N.field` and checked per row.
 */
const isoDay = z.string({ error: "required" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "day" });
const optionalDay = z.preprocess((v) => (v === "" || v === undefined ? null : v), isoDay.nullable());
const optionalId = z.preprocess(
  (v) => (v === "" || v === undefined ? null : Number(v)),
  z.number().int().positive({ error: "choose" }).nullable(),
);

export const EditionFields = z.object({
  titleDe: requiredText(200),
  titleEn: requiredText(200),
  mottoDe: textField(300).default(""),
  mottoEn: textField(300).default(""),
  hashtag: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(/^#/, "") : v),
    z
      .string()
      .max(50, { error: "tooLong" })
      .regex(/^[\p{L}\p{N}_]*$/u, { error: "hashtag" }),
  ),
  startsOn: isoDay,
  endsOn: isoDay,
  submissionOpensOn: optionalDay,
  submissionClosesOn: optionalDay,
  moderation: z.enum(["one_tier", "two_tier"], { error: "choose" }),
  reviewTargetDays: z.coerce.number({ error: "number" }).int({ error: "number" }).min(1, { error: "number" }).max(60, { error: "number" }),
  greetingDe: textField(20_000).default(""),
  greetingEn: textField(20_000).default(""),
  openingEventId: optionalId,
  closingEventId: optionalId,
});
export type EditionFields = z.infer<typeof EditionFields>;

export const PatronRow = z.object({
  name: requiredText(200),
  roleDe: textField(300).default(""),
  roleEn: textField(300).default(""),
  portraitCredit: optionalText(200),
  /** The portrait kept from before (a hidden field): only a path our image pipeline writes. */
  portraitUrl: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\/uploads\/[0-9a-f]{32}\.webp$/, { error: "invalid" })
      .optional(),
  ),
  removePortrait: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
});

export const ContactRow = z.object({
  name: requiredText(200),
  organisation: textField(200).default(""),
  phone: optionalText(50),
  fax: optionalText(50),
  email: emailField,
});

export const Year = z.coerce
  .number({ error: "number" })
  .int({ error: "number" })
  .min(2000, { error: "number" })
  .max(2100, { error: "number" });

/** Blank rows the form offers below the filled ones (repeatable rows without JavaScript). */
export const BLANK_ROWS = 2;
/** At most this many patrons and contacts each. */
export const MAX_ROWS = 12;

/** Row fields that are bookkeeping (a kept portrait), not content: they alone do not make a row filled. */
export const hiddenRowFields: ReadonlySet<string> = new Set(["portraitUrl", "removePortrait"]);

/** The rows `prefix.N.field` of a form, in index order, with blank ones (all fields empty) left out; `index` as posted. */
export function rowsOf(form: Record<string, unknown>, prefix: string, fields: readonly string[]) {
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,2})\\.(\\w+)$`);
  for (const [key, value] of Object.entries(form)) {
    const m = pattern.exec(key);
    if (!m || !fields.includes(m[2] ?? "") || typeof value !== "string") continue;
    const index = Number(m[1]);
    rows.set(index, { ...rows.get(index), [m[2] ?? ""]: value });
  }
  return (
    [...rows.entries()]
      .sort(([a], [b]) => a - b)
      // Hidden bookkeeping (a kept portrait) does not make a row filled: clearing its texts removes it.
      .filter(([, row]) => Object.entries(row).some(([k, v]) => !hiddenRowFields.has(k) && v.trim() !== ""))
      .map(([index, row]) => ({ index, row }))
  );
}

const knownKeys = new Set(["required", "tooLong", "tooMany", "email", "url", "choose", "day", "number", "hashtag"]);

/** Zod issues as `{ prefix + field: messageKey }`, the first issue per field. */
function issuesOf(error: z.ZodError, prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = `${prefix}${String(issue.path[0] ?? "_")}`;
    if (!fields[field]) fields[field] = knownKeys.has(issue.message) ? issue.message : "invalid";
  }
  return fields;
}

type ParsedRows<S extends z.ZodType> = { rows: (z.infer<S> & { index: number })[]; errors: Record<string, string> };

/** Every non-blank row of `prefix`, parsed; errors at `prefix.N.field`. */
export function parseRows<S extends z.ZodType>(
  form: Record<string, unknown>,
  prefix: string,
  schema: S,
  fields: readonly string[],
): ParsedRows<S> {
  const errors: Record<string, string> = {};
  const rows: (z.infer<S> & { index: number })[] = [];
  const posted = rowsOf(form, prefix, fields);
  if (posted.length > MAX_ROWS) errors[`${prefix}.${posted[MAX_ROWS]?.index ?? 0}.name`] = "tooMany";
  for (const { index, row } of posted.slice(0, MAX_ROWS)) {
    const parsed = schema.safeParse(row);
    if (parsed.success) rows.push({ ...(parsed.data as object), index } as z.infer<S> & { index: number });
    else Object.assign(errors, issuesOf(parsed.error, `${prefix}.${index}.`));
  }
  return { rows, errors };
}

export const patronFields = ["name", "roleDe", "roleEn", "portraitCredit", "portraitUrl", "removePortrait"] as const;
export const contactFields = ["name", "organisation", "phone", "fax", "email"] as const;

export type EditionForm = {
  fields: EditionFields;
  patrons: ParsedRows<typeof PatronRow>["rows"];
  contacts: ParsedRows<typeof ContactRow>["rows"];
};

/** The whole edition form, or one validation error naming every bad field (rows and date order included). */
export function parseEditionForm(raw: Record<string, unknown>): EditionForm {
  const form = withoutControlCharacters(raw) as Record<string, unknown>;
  const parsed = EditionFields.safeParse(form);
  const errors: Record<string, string> = parsed.success ? {} : issuesOf(parsed.error);
  // The order of two days is checked whenever both are days, also when other fields are wrong.
  const day = (name: string) => (typeof form[name] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(form[name]) ? form[name] : null);
  const before = (a: string, b: string) => {
    const [x, y] = [day(a), day(b)];
    return x !== null && y !== null && y < x;
  };
  if (!errors.endsOn && before("startsOn", "endsOn")) errors.endsOn = "dateOrder";
  if (!errors.submissionClosesOn && before("submissionOpensOn", "submissionClosesOn")) errors.submissionClosesOn = "dateOrder";
  const patrons = parseRows(form, "patrons", PatronRow, patronFields);
  const contacts = parseRows(form, "contacts", ContactRow, contactFields);
  Object.assign(errors, patrons.errors, contacts.errors);
  if (!parsed.success || Object.keys(errors).length > 0) throw validationFailed(errors);
  return { fields: parsed.data, patrons: patrons.rows, contacts: contacts.rows };
}
