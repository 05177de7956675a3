import { z } from "zod";
import { IsoDate, IsoDateTime, Lang, PageLinks, PageMeta } from "./api.schemas.ts";

const MAX_LIST = 30;
/** The longest search text the API, the feeds and the exports take. */
export const MAX_SEARCH_TEXT = 200;
/** A filter parameter with one or several values (comma-separated or repeated). */
export const listParam = (description: string) =>
  z
    .union([z.string().max(1000), z.array(z.string().max(200)).max(MAX_LIST)])
    .optional()
    .describe(`${description}; several values comma-separated or repeated`);

export const EventsQuery = z.object({
  q: z
    .string()
    .max(MAX_SEARCH_TEXT, { error: `at most ${MAX_SEARCH_TEXT} characters` })
    .optional()
    .describe("Search text (German full-text search, typo tolerant)"),
  edition: z.string().max(10).optional().describe("Edition year (default: the current edition)"),
  state: listParam("State code, or `online`"),
  format: listParam("Format code"),
  topic: listParam("Topic code"),
  mode: listParam("Attendance mode: onsite, online, hybrid"),
  target: listParam("Target group code"),
  day: listParam("Day, YYYY-MM-DD, within the edition"),
  org: listParam("Organisation slug (organiser)"),
  language: listParam("Language the event is held in: de, en"),
  free: z.enum(["true", "false", "1", "0"], { error: "true or false" }).optional().describe("Only events free of charge"),
  lang: Lang.optional(),
  page: z.coerce
    .number({ error: "a whole number from 1" })
    .int({ error: "a whole number from 1" })
    .min(1, { error: "a whole number from 1" })
    .max(1_000_000, { error: "at most 1000000" })
    .default(1),
  pageSize: z.coerce
    .number({ error: "a whole number from 1 to 100" })
    .int({ error: "a whole number from 1 to 100" })
    .min(1, { error: "a whole number from 1 to 100" })
    .default(20)
    .describe("Items per page, 20 by default; values above 100 are capped at 100"),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

const Status = z.enum(["published", "cancelled"]);
const Mode = z.enum(["onsite", "online", "hybrid"]);
const OrganisationRef = z.object({ slug: z.string(), name: z.string() });

export const EventSummary = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    status: Status,
    title: z.string(),
    summary: z.string(),
    format: z.string(),
    mode: Mode,
    state: z.string(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    days: z.array(IsoDate),
    sessionCount: z.number().int(),
    allDay: z.boolean(),
    isFree: z.boolean(),
    languages: z.array(z.string()),
    organisation: OrganisationRef,
    venue: z.object({ name: z.string(), city: z.string().nullable() }).nullable(),
    url: z.url().describe("The event's public page"),
    icsUrl: z.url().describe("The event's dates as iCalendar (.ics)"),
    links: z.object({ self: z.url(), page: z.url() }),
  })
  .meta({ id: "EventSummary" });
export type EventSummary = z.infer<typeof EventSummary>;

export const EventList = z.object({ data: z.array(EventSummary), meta: PageMeta, links: PageLinks }).meta({ id: "EventList" });
export type EventList = z.infer<typeof EventList>;

export const EventDetail = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    edition: z.number().int(),
    status: Status,
    cancelledAt: IsoDateTime.nullable(),
    cancelReason: z.string().nullable().describe("Why a cancelled event was cancelled, as its organiser wrote it"),
    updatedAt: IsoDateTime,
    title: z.string(),
    summary: z.string(),
    description: z.string().describe("Markdown"),
    format: z.string(),
    mode: Mode,
    state: z.string(),
    topics: z.array(z.string()),
    targetGroups: z.array(z.string()),
    languages: z.array(z.string()),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    sessions: z.array(z.object({ startsAt: IsoDateTime, endsAt: IsoDateTime, allDay: z.boolean() })),
    venue: z
      .object({
        name: z.string(),
        street: z.string(),
        postalCode: z.string(),
        city: z.string(),
        state: z.string().nullable(),
        country: z.string(),
        latitude: z.number().nullable(),
        longitude: z.number().nullable(),
      })
      .nullable(),
    onlineUrl: z.string().nullable(),
    liveUrl: z.string().nullable(),
    replayUrl: z.string().nullable(),
    organisation: OrganisationRef.extend({ website: z.string().nullable() }),
    coOrganisers: z.array(z.object({ name: z.string(), slug: z.string().nullable() })),
    partnerCountries: z.array(z.string()).describe("ISO 3166-1 alpha-2"),
    accessibility: z.object({
      stepFree: z.boolean().optional(),
      hearingLoop: z.boolean().optional(),
      signLanguage: z.boolean().optional(),
      subtitles: z.boolean().optional(),
      notes: z.string().optional(),
    }),
    isFree: z.boolean(),
    costText: z.string().nullable(),
    registration: z.object({ url: z.string().nullable(), email: z.string().nullable(), deadline: IsoDateTime.nullable() }),
    capacity: z.number().int().nullable(),
    image: z.object({ url: z.string(), alt: z.string().nullable(), credit: z.string().nullable() }).nullable(),
    tradeFairPresence: z.object({ fair: z.string(), hall: z.string(), booth: z.string() }).nullable(),
    eventLinks: z.array(z.object({ label: z.string(), url: z.string() })),
    url: z.url().describe("The event's public page"),
    icsUrl: z.url().describe("The event's dates as iCalendar (.ics)"),
    links: z.object({ self: z.url(), page: z.url(), ics: z.url() }),
  })
  .meta({ id: "EventDetail" });
export type EventDetail = z.infer<typeof EventDetail>;

export const EventParams = z.object({
  id: z.coerce
    .number({ error: "an event id" })
    .int({ error: "an event id" })
    .min(1, { error: "an event id" })
    .max(2_147_483_647, { error: "an event id" }),
});
export const LangOnlyQuery = z.object({ lang: Lang.optional() });
