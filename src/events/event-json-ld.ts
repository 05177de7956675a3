import { type Lang, pick } from "../lib/language.ts";
import { berlinIsoDateTime, schemaOrgDates } from "./event-dates.ts";
import { eventPath } from "./event-path.ts";
import type { PublicEvent } from "./get-public-event.ts";

const attendance = {
  onsite: "OfflineEventAttendanceMode",
  online: "OnlineEventAttendanceMode",
  hybrid: "MixedEventAttendanceMode",
} as const;

export type EventJsonLdOptions = {
  lang: Lang;
  baseUrl: string;
  /** Absolute URL of the event's share card: the image when the event has none of its own. */
  shareImage: string;
  /** The Land of the venue by name (addressRegion); undefined abroad or without venue. */
  regionName: string | undefined;
};

/** The first amount in a cost text such as "120 € zzgl. MwSt., Mitglieder 80 €"; undefined without one. */
export function priceOf(costText: string | null): number | undefined {
  const match = /(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:€|EUR\b|Euro\b)|(?:€|EUR)\s*(\d{1,6}(?:[.,]\d{1,2})?)/i.exec(costText ?? "");
  const amount = match?.[1] ?? match?.[2];
  return amount === undefined ? undefined : Number(amount.replace(",", "."));
}

/**
 * schema.org Event JSON-LD for an event page, with the fields Google's event rich results require
 * and recommend (one Event; several dates become subEvents). Only public fields: the access link
 * only where the organiser published it (publicFields), else the page, which says how to register.
 */
export function eventJsonLd(e: PublicEvent, options: EventJsonLdOptions): Record<string, unknown> {
  const { lang, baseUrl } = options;
  const ev = e.event;
  const url = `${baseUrl}${eventPath(ev)}`;
  const name = pick(lang, ev.titleDe, ev.titleEn);
  const location = locationOf(e, url, options.regionName);
  const common = {
    description: pick(lang, ev.summaryDe, ev.summaryEn),
    eventStatus: ev.status === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: `https://schema.org/${attendance[ev.mode]}`,
    location: location.length === 1 ? location[0] : location,
  };
  const first = e.sessions[0] ?? { startsAt: ev.startsAt, endsAt: ev.endsAt, allDay: false };
  const last = e.sessions.reduce((a, s) => (s.endsAt >= a.endsAt ? s : a), first);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name,
    url,
    inLanguage: ev.languages,
    startDate: schemaOrgDates(first).startDate,
    endDate: schemaOrgDates(last).endDate,
    ...common,
    // Its own image first; the share card (1200×630) always, so every event has one.
    image: ev.imageUrl ? [new URL(ev.imageUrl, baseUrl).href, options.shareImage] : [options.shareImage],
    organizer: {
      "@type": "Organization",
      name: e.organisation.name,
      url: `${baseUrl}/organisationen/${e.organisation.slug}`,
      ...(e.organisation.website ? { sameAs: e.organisation.website } : {}),
    },
    ...(ev.isFree ? { isAccessibleForFree: true } : {}),
    // A cancelled event offers nothing to book (publicFields also drops its registration link).
    ...(ev.status === "cancelled" ? {} : { offers: offerOf(e, url) }),
    ...(e.sessions.length > 1
      ? { subEvent: e.sessions.map((s) => ({ "@type": "Event", name, url, ...schemaOrgDates(s), ...common })) }
      : {}),
  };
}

function locationOf(e: PublicEvent, url: string, regionName: string | undefined): Record<string, unknown>[] {
  const place = e.venue
    ? {
        "@type": "Place",
        name: e.venue.name,
        address: {
          "@type": "PostalAddress",
          streetAddress: e.venue.street,
          postalCode: e.venue.postalCode,
          addressLocality: e.venue.city,
          ...(regionName ? { addressRegion: regionName } : {}),
          addressCountry: e.venue.country,
        },
        ...(e.venue.latitude != null && e.venue.longitude != null
          ? { geo: { "@type": "GeoCoordinates", latitude: e.venue.latitude, longitude: e.venue.longitude } }
          : {}),
      }
    : undefined;
  const virtual = e.event.mode !== "onsite" ? { "@type": "VirtualLocation", url: e.event.onlineUrl ?? url } : undefined;
  return [place, virtual].filter((l) => l !== undefined);
}

/**
 * Free and paid events alike: the price (0, or the first amount of the cost text) in EUR, the cost
 * text itself, registration as the offer's url, and validFrom = publication, when registering opens.
 */
function offerOf(e: PublicEvent, url: string): Record<string, unknown> {
  const ev = e.event;
  const price = ev.isFree ? 0 : priceOf(ev.costText);
  return {
    "@type": "Offer",
    ...(price !== undefined ? { price } : {}),
    priceCurrency: "EUR",
    ...(!ev.isFree && ev.costText ? { description: ev.costText } : {}),
    availability: "https://schema.org/InStock",
    url: ev.registrationUrl ?? url,
    ...(ev.publishedAt ? { validFrom: berlinIsoDateTime(ev.publishedAt) } : {}),
    ...(ev.registrationDeadline ? { validThrough: berlinIsoDateTime(ev.registrationDeadline) } : {}),
  };
}
