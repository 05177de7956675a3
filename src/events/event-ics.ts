import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalEventStatus } from "ical-generator";
import { pick, type Lang } from "../lib/language.ts";
import { TIME_ZONE } from "./event-dates.ts";
import { eventPath } from "./event-path.ts";
import type { PublicEvent } from "./get-public-event.ts";

/** Stable across edits and instances: one UID per session of an event. */
export const sessionUid = (eventId: number, sessionId: number, host: string) => `event-${eventId}-session-${sessionId}@${host}`;

/** An iCalendar (RFC 5545) with one VEVENT per session, times in Europe/Berlin with its VTIMEZONE. */
export function eventsToIcs(events: PublicEvent[], options: { lang: Lang; baseUrl: string; name: string }): string {
  const host = new URL(options.baseUrl).host;
  const calendar = new ICalCalendar({ name: options.name, prodId: { company: "Clusterwoche", product: "programme", language: options.lang.toUpperCase() } });
  calendar.timezone({ name: TIME_ZONE, generator: getVtimezoneComponent });
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
        start: session.startsAt,
        end: session.endsAt,
        allDay: session.allDay,
        timezone: TIME_ZONE,
        summary: pick(options.lang, e.event.titleDe, e.event.titleEn),
        description: `${pick(options.lang, e.event.summaryDe, e.event.summaryEn)}\n\n${url}`,
        url,
        location: e.venue?.latitude != null && e.venue.longitude != null
          ? { title: location, geo: { lat: e.venue.latitude, lon: e.venue.longitude } }
          : location,
        organizer: e.organisation.contactEmail ? { name: e.organisation.name, email: e.organisation.contactEmail } : e.organisation.name,
        status: e.event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        lastModified: e.event.updatedAt,
      });
    }
  }
  return calendar.toString();
}
