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

/** An iCalendar (RFC 5545) with one VEVENT per session, times in Europe/Berlin with its VTIMEZONE. */
export function eventsToIcs(events: IcsEvent[], options: { lang: Lang; baseUrl: string; name: string }): string {
  const host = new URL(options.baseUrl).host;
  const calendar = new ICalCalendar({
    name: options.name,
    prodId: { company: "Clusterwoche", product: "programme", language: options.lang.toUpperCase() },
  });
  // No calendar-wide timezone: with one, ical-generator writes DTSTAMP and LAST-MODIFIED as local
  // times without "Z" (RFC 5545 wants UTC). Each event names its zone; VTIMEZONE is added below.
  calendar.x("X-WR-TIMEZONE", TIME_ZONE);
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
  const vevents = calendar.events().map((entry) => entry.toString());
  const frame = calendar.clear().toString();
  // ical-generator writes custom X- properties (X-WR-TIMEZONE) after the events; RFC 5545 puts
  // calendar properties before the first component, so the events go last, just before END:VCALENDAR.
  const end = frame.lastIndexOf("END:VCALENDAR");
  return withBerlinVtimezone(`${frame.slice(0, end)}${foldIcsLines(vevents.join(""))}END:VCALENDAR\r\n`);
}

/**
 * ical-generator formats a plain Date behind TZID with the process's local getters; a TZDate it
 * converts to the event's zone itself, so the Berlin wall-clock time is right on any server.
 */
const berlinDate = (instant: Date) => new TZDate(instant.getTime(), TIME_ZONE);

/** Puts the VTIMEZONE of Europe/Berlin before the first component, as RFC 5545 expects for TZID references. */
function withBerlinVtimezone(ics: string): string {
  const component = getVtimezoneComponent(TIME_ZONE);
  if (!component) throw new Error(`no VTIMEZONE for ${TIME_ZONE}`);
  const vtimezone = component.trim().replace(/\r?\n/g, "\r\n");
  const at = ics.search(/^(BEGIN:VEVENT|END:VCALENDAR)\r?$/m);
  return `${ics.slice(0, at)}${vtimezone}\r\n${ics.slice(at)}`;
}
