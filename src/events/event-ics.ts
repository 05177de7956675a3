import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalEventStatus } from "ical-generator";
import { type Lang, pick } from "../lib/language.ts";
import { TIME_ZONE } from "./event-dates.ts";
import { eventPath } from "./event-path.ts";
import { foldIcsLines } from "./fold-ics-lines.ts";
import type { PublicEvent } from "./get-public-event.ts";

/** Stable across edits and instances: one UID per session of an event. */
export const sessionUid = (eventId: number, sessionId: number, host: string) => `event-${eventId}-session-${sessionId}@${host}`;

/** What a calendar entry needs of an event: a full PublicEvent fits, and so do the lighter feed rows. */
export type IcsEvent = {
  event: Pick<
    PublicEvent["event"],
    | "id"
    | "slug"
    | "status"
    | "sequence"
    | "updatedAt"
    | "onlineUrl"
    | "contactName"
    | "contactEmail"
    | "titleDe"
    | "titleEn"
    | "summaryDe"
    | "summaryEn"
  >;
  organisation: Pick<PublicEvent["organisation"], "name">;
  venue: Pick<NonNullable<PublicEvent["venue"]>, "name" | "street" | "postalCode" | "city" | "latitude" | "longitude"> | null;
  sessions: Pick<PublicEvent["sessions"][number], "id" | "startsAt" | "endsAt" | "allDay">[];
};

type IcsOptions = { lang: Lang; baseUrl: string; name: string };

/** An iCalendar (RFC 5545) with one VEVENT per session, times in Europe/Berlin with its VTIMEZONE. */
export function eventsToIcs(events: IcsEvent[], options: IcsOptions): string {
  const writer = new IcsWriter(options);
  return `${writer.head()}${writer.vevents(events)}${ICS_END}`;
}

/** The same calendar in pieces (head, then the VEVENTs of each batch as it arrives, then the end), for streaming. */
export async function* icsChunks(batches: AsyncIterable<IcsEvent[]>, options: IcsOptions): AsyncGenerator<string> {
  const writer = new IcsWriter(options);
  yield writer.head();
  for await (const batch of batches) {
    // A few dozen events per chunk: each is a short stretch of work between socket writes.
    for (let i = 0; i < batch.length; i += ICS_CHUNK_EVENTS) yield writer.vevents(batch.slice(i, i + ICS_CHUNK_EVENTS));
  }
  yield ICS_END;
}

const ICS_END = "END:VCALENDAR\r\n";
const ICS_CHUNK_EVENTS = 50;

/**
 * Writes a calendar in parts whose concatenation is the whole: `head()` (calendar properties and the
 * VTIMEZONE, everything before the first VEVENT), then `vevents(events)` for any run of events, then
 * ICS_END. One ical-generator calendar, emptied after each run, so memory stays per run.
 */
class IcsWriter {
  private readonly calendar: ICalCalendar;
  private readonly host: string;

  constructor(private readonly options: IcsOptions) {
    this.host = new URL(options.baseUrl).host;
    this.calendar = new ICalCalendar({
      name: options.name,
      prodId: { company: "Clusterwoche", product: "programme", language: options.lang.toUpperCase() },
    });
    // No calendar-wide timezone: with one, ical-generator writes DTSTAMP and LAST-MODIFIED as local
    // times without "Z" (RFC 5545 wants UTC). Each event names its zone; VTIMEZONE is added in head().
    this.calendar.x("X-WR-TIMEZONE", TIME_ZONE);
  }

  /**
   * ical-generator writes custom X- properties (X-WR-TIMEZONE) after the events; RFC 5545 puts
   * calendar properties before the first component, so the frame of the empty calendar is cut
   * before END:VCALENDAR and the events follow the VTIMEZONE.
   */
  head(): string {
    const frame = this.calendar.clear().toString();
    return `${frame.slice(0, frame.lastIndexOf("END:VCALENDAR"))}${berlinVtimezone()}\r\n`;
  }

  /** The VEVENTs of the events' sessions, folded. */
  vevents(events: IcsEvent[]): string {
    const { options, host, calendar } = this;
    for (const e of events) {
      const url = `${options.baseUrl}${eventPath(e.event)}`;
      const location = e.venue
        ? [e.venue.name, e.venue.street, `${e.venue.postalCode} ${e.venue.city}`.trim()].filter(Boolean).join(", ")
        : (e.event.onlineUrl ?? "Online");
      for (const session of e.sessions) {
        calendar.createEvent({
          id: sessionUid(e.event.id, session.id, host),
          sequence: e.event.sequence,
          stamp: e.event.updatedAt,
          start: berlinDate(session.startsAt),
          end: berlinDate(session.endsAt),
          allDay: session.allDay,
          timezone: TIME_ZONE,
          summary: pick(options.lang, e.event.titleDe, e.event.titleEn),
          description: `${pick(options.lang, e.event.summaryDe, e.event.summaryEn)}\n\n${url}`,
          url,
          location:
            e.venue?.latitude != null && e.venue.longitude != null
              ? { title: location, geo: { lat: e.venue.latitude, lon: e.venue.longitude } }
              : location,
          // Only a contact the organiser chose to publish (publicFields); ORGANIZER needs an address, so none without.
          ...(e.event.contactEmail ? { organizer: { name: e.event.contactName ?? e.organisation.name, email: e.event.contactEmail } } : {}),
          status: e.event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
          lastModified: e.event.updatedAt,
        });
      }
    }
    // The calendar's own toString() folds every character through a new TextEncoder (seconds for
    // thousands of events); serialise the events unfolded and fold them once, faster, ourselves.
    const text = calendar
      .events()
      .map((entry) => entry.toString())
      .join("");
    calendar.clear();
    return foldIcsLines(text);
  }
}

/**
 * ical-generator formats a plain Date behind TZID with the process's local getters; a TZDate it
 * converts to the event's zone itself, so the Berlin wall-clock time is right on any server.
 */
const berlinDate = (instant: Date) => new TZDate(instant.getTime(), TIME_ZONE);

/** The VTIMEZONE of Europe/Berlin (CRLF lines, no final CRLF), which the TZID references need before the first component. */
function berlinVtimezone(): string {
  const component = getVtimezoneComponent(TIME_ZONE);
  if (!component) throw new Error(`no VTIMEZONE for ${TIME_ZONE}`);
  return component.trim().replace(/\r?\n/g, "\r\n");
}
