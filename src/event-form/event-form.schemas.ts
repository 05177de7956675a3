import { z } from "zod";

// Error messages are stable codes; views translate them (eventForm.errors.<code>).
const tooLong = { error: "tooLong" };
const required = { error: "required" };

const text = (max: number) => z.string({ error: "required" }).trim().max(max, tooLong);
const requiredText = (max: number) => text(max).min(1, required);
/** An optional text: empty input becomes null. */
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || null);
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "url" }).max(2000, tooLong);
const optionalUrl = z
  .union([z.literal("").transform(() => null), webUrl])
  .optional()
  .transform((v) => v ?? null);
const optionalEmail = z
  .union([z.literal("").transform(() => null), z.email({ error: "email" }).max(300, tooLong)])
  .optional()
  .transform((v) => v ?? null);
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" })
  .refine(isRealDay, { error: "date" });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "time" });

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** One date of an event as the form sends it: Berlin wall-clock day and time. */
export const SessionInput = z
  .object({
    startDate: IsoDay,
    startTime: z.union([z.literal(""), Time]).default(""),
    endDate: z.union([z.literal(""), IsoDay]).default(""),
    endTime: z.union([z.literal(""), Time]).default(""),
    allDay: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.allDay) return;
    if (!s.startTime) ctx.addIssue({ code: "custom", path: ["startTime"], message: "required" });
    if (!s.endTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "required" });
  });
export type SessionInput = z.infer<typeof SessionInput>;

export const VenueInput = z.object({
  name: text(200).default(""),
  street: text(200).default(""),
  postalCode: text(10).default(""),
  city: text(100).default(""),
  stateCode: text(20).default(""),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { error: "country" })
    .default("DE"),
  latitude: z.number({ error: "number" }).min(-90, { error: "latitude" }).max(90, { error: "latitude" }).nullable().default(null),
  longitude: z.number({ error: "number" }).min(-180, { error: "longitude" }).max(180, { error: "longitude" }).nullable().default(null),
});
export type VenueInput = z.infer<typeof VenueInput>;

/** Whether a code is an assigned ISO 3166-1 alpha-2 region (Intl knows its name). */
function isAssignedRegion(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    return new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code) !== undefined;
  } catch {
    return false;
  }
}
const isoCountry = z.string().trim().toUpperCase().refine(isAssignedRegion, { error: "country" });

/** Languages an event can be held in (ISO 639-1). */
export const EVENT_LANGUAGES = ["de", "en", "fr", "es", "it", "pl", "nl", "cs", "da", "sv", "pt", "zh", "ja", "ar", "tr", "uk"] as const;

/** Every field of an event an organiser fills in (PRODUCT §3); the verbs check taxonomy codes against the database. */
export const EventInput = z
  .object({
    titleDe: requiredText(200),
    titleEn: optionalText(200),
    summaryDe: requiredText(600),
    summaryEn: optionalText(600),
    descriptionDe: text(20_000).default(""),
    descriptionEn: optionalText(20_000),
    formatCode: requiredText(50),
    mode: z.enum(["onsite", "online", "hybrid"], { error: "choice" }),
    sessions: z.array(SessionInput).min(1, { error: "sessionRequired" }).max(20, tooLong),
    venue: VenueInput.default(VenueInput.parse({})),
    onlineUrl: optionalUrl,
    onlineUrlPublic: z.boolean().default(false),
    liveUrl: optionalUrl,
    replayUrl: optionalUrl,
    topics: z.array(z.string().max(50)).max(20, tooLong).default([]),
    targetGroups: z.array(z.string().max(50)).max(20, tooLong).default([]),
    languages: z
      .array(z.enum(EVENT_LANGUAGES, { error: "choice" }))
      .max(10, tooLong)
      .default(["de"]),
    partnerCountries: z.array(isoCountry).max(30, tooLong).default([]),
    coOrganisers: z.array(requiredText(200)).max(20, tooLong).default([]),
    isFree: z.boolean().default(true),
    costText: optionalText(300),
    registrationUrl: optionalUrl,
    registrationEmail: optionalEmail,
    registrationDeadline: z
      .union([z.literal("").transform(() => null), IsoDay])
      .optional()
      .transform((v) => v ?? null),
    capacity: z
      .number({ error: "number" })
      .int({ error: "number" })
      .min(1, { error: "number" })
      .max(1_000_000, tooLong)
      .nullable()
      .default(null),
    accessibility: z
      .object({
        stepFree: z.boolean().default(false),
        hearingLoop: z.boolean().default(false),
        signLanguage: z.boolean().default(false),
        subtitles: z.boolean().default(false),
        notes: optionalText(1000),
      })
      .default({ stepFree: false, hearingLoop: false, signLanguage: false, subtitles: false, notes: null }),
    contactName: optionalText(200),
    contactEmail: optionalEmail,
    contactPhone: optionalText(50),
    contactPublic: z.boolean().default(false),
    /** Set by the upload (storeImage); only our own /uploads/ paths are accepted. */
    imageUrl: z
      .union([z.literal("").transform(() => null), z.string().regex(/^\/uploads\/[a-f0-9]{32}\.(webp|jpg)$/, { error: "image" })])
      .optional()
      .transform((v) => v ?? null),
    imageAlt: optionalText(300),
    imageCredit: optionalText(200),
    links: z
      .array(z.object({ label: requiredText(200), url: webUrl }))
      .max(10, tooLong)
      .default([]),
  })
  .superRefine((e, ctx) => {
    if (e.mode !== "online") {
      if (!e.venue.name) ctx.addIssue({ code: "custom", path: ["venue", "name"], message: "required" });
      if (!e.venue.city) ctx.addIssue({ code: "custom", path: ["venue", "city"], message: "required" });
      if (e.venue.country === "DE" && !e.venue.stateCode)
        ctx.addIssue({ code: "custom", path: ["venue", "stateCode"], message: "required" });
    }
    if (!e.isFree && !e.costText) ctx.addIssue({ code: "custom", path: ["costText"], message: "costRequired" });
    if (e.imageUrl && !e.imageAlt) ctx.addIssue({ code: "custom", path: ["imageAlt"], message: "altRequired" });
    if (e.imageUrl && !e.imageCredit) ctx.addIssue({ code: "custom", path: ["imageCredit"], message: "creditRequired" });
  });
export type EventInput = z.input<typeof EventInput>;
export type EventData = z.output<typeof EventInput>;

/** Field errors of a Zod error, keyed by dotted path ("sessions.0.endTime"). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

export const CANCEL_REASON_MAX = 500;

/** The cancel form: why the event is cancelled, shown on its public page. */
export const CancelEventInput = z.object({ cancelReason: requiredText(CANCEL_REASON_MAX) });
