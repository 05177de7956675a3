import { eventPath } from "../events/event-path.ts";
import type { PublicEvent } from "../events/get-public-event.ts";
import type { ProgrammeItem } from "../events/list-programme.ts";
import { type Lang, pick } from "../lib/language.ts";
import type { EventDetail, EventSummary } from "./events.schemas.ts";

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** One programme item as the API shows it, texts in the requested language (German fallback). */
export function presentEventSummary(base: string, item: ProgrammeItem, lang: Lang): EventSummary {
  return {
    id: item.id,
    slug: item.slug,
    status: item.status,
    title: pick(lang, item.titleDe, item.titleEn),
    summary: pick(lang, item.summaryDe, item.summaryEn),
    format: item.formatCode,
    mode: item.mode,
    state: item.stateCode,
    startsAt: iso(item.startsAt),
    endsAt: iso(item.endsAt),
    days: item.days,
    sessionCount: Number(item.sessionCount),
    allDay: item.allDay,
    isFree: item.isFree,
    languages: item.languages,
    organisation: { slug: item.organisationSlug, name: item.organisationName },
    venue: item.venueName ? { name: item.venueName, city: item.city } : null,
    url: `${base}${eventPath(item)}`,
    icsUrl: `${base}${eventPath(item)}.ics`,
    links: { self: `${base}/api/v1/events/${item.id}`, page: `${base}${eventPath(item)}` },
  };
}

/** The full public record of one event. */
export function presentEventDetail(base: string, e: PublicEvent, lang: Lang): EventDetail {
  const ev = e.event;
  const v = e.venue;
  const slugOf = new Map(e.coOrganisations.map((o) => [o.id, o.slug]));
  return {
    id: ev.id,
    slug: ev.slug,
    edition: e.edition.year,
    status: ev.status === "cancelled" ? "cancelled" : "published",
    cancelledAt: isoOrNull(ev.cancelledAt),
    cancelReason: ev.status === "cancelled" ? ev.cancelReason : null,
    updatedAt: iso(ev.updatedAt),
    title: pick(lang, ev.titleDe, ev.titleEn),
    summary: pick(lang, ev.summaryDe, ev.summaryEn),
    description: pick(lang, ev.descriptionDe, ev.descriptionEn),
    format: ev.formatCode,
    mode: ev.mode,
    state: ev.stateCode,
    topics: ev.topics,
    targetGroups: ev.targetGroups,
    languages: ev.languages,
    startsAt: iso(ev.startsAt),
    endsAt: iso(ev.endsAt),
    sessions: e.sessions.map((s) => ({ startsAt: iso(s.startsAt), endsAt: iso(s.endsAt), allDay: s.allDay })),
    venue: v
      ? {
          name: v.name,
          street: v.street,
          postalCode: v.postalCode,
          city: v.city,
          state: v.stateCode,
          country: v.country,
          latitude: v.latitude,
          longitude: v.longitude,
        }
      : null,
    onlineUrl: ev.onlineUrl,
    liveUrl: ev.liveUrl,
    replayUrl: ev.replayUrl,
    organisation: { slug: e.organisation.slug, name: e.organisation.name, website: e.organisation.website },
    coOrganisers: ev.coOrganisers.map((c) => ({ name: c.name, slug: (c.organisationId && slugOf.get(c.organisationId)) || null })),
    partnerCountries: ev.partnerCountries,
    accessibility: ev.accessibility,
    isFree: ev.isFree,
    costText: ev.costText,
    registration: { url: ev.registrationUrl, email: ev.registrationEmail, deadline: isoOrNull(ev.registrationDeadline) },
    capacity: ev.capacity,
    image: ev.imageUrl ? { url: ev.imageUrl, alt: ev.imageAlt, credit: ev.imageCredit } : null,
    tradeFairPresence: e.booth ? { fair: e.booth.fair, hall: e.booth.hall, booth: e.booth.booth } : null,
    eventLinks: ev.links,
    url: `${base}${eventPath(ev)}`,
    icsUrl: `${base}${eventPath(ev)}.ics`,
    links: {
      self: `${base}/api/v1/events/${ev.id}`,
      page: `${base}${eventPath(ev)}`,
      ics: `${base}${eventPath(ev)}.ics`,
    },
  };
}

/** Absolute self/next/prev links that keep every query parameter the client sent. */
export function pageLinks(base: string, requestUrl: string, page: number, pageSize: number, pages: number) {
  const url = new URL(requestUrl, "http://localhost");
  const at = (n: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("page", String(n));
    params.set("pageSize", String(pageSize));
    return `${base}${url.pathname}?${params}`;
  };
  return { self: at(page), next: page < pages ? at(page + 1) : null, prev: page > 1 ? at(Math.min(page - 1, pages)) : null };
}
