import { type Lang, pick } from "../lib/language.ts";
import { eventPath } from "./event-path.ts";
import type { PublicEvent } from "./get-public-event.ts";

const attendance = {
  onsite: "OfflineEventAttendanceMode",
  online: "OnlineEventAttendanceMode",
  hybrid: "MixedEventAttendanceMode",
} as const;

/** schema.org Event JSON-LD for an event page (one Event; several dates become subEvents). */
export function eventJsonLd(e: PublicEvent, lang: Lang, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}${eventPath(e.event)}`;
  const place = e.venue
    ? {
        "@type": "Place",
        name: e.venue.name,
        address: {
          "@type": "PostalAddress",
          streetAddress: e.venue.street,
          postalCode: e.venue.postalCode,
          addressLocality: e.venue.city,
          addressCountry: e.venue.country,
        },
        ...(e.venue.latitude != null && e.venue.longitude != null
          ? { geo: { "@type": "GeoCoordinates", latitude: e.venue.latitude, longitude: e.venue.longitude } }
          : {}),
      }
    : undefined;
  // The access link only when public (publicFields); otherwise the page, which says how to register.
  const virtual = e.event.mode !== "onsite" ? { "@type": "VirtualLocation", url: e.event.onlineUrl ?? url } : undefined;
  const location = [place, virtual].filter(Boolean);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: pick(lang, e.event.titleDe, e.event.titleEn),
    description: pick(lang, e.event.summaryDe, e.event.summaryEn),
    url,
    inLanguage: e.event.languages,
    startDate: e.event.startsAt.toISOString(),
    endDate: e.event.endsAt.toISOString(),
    eventStatus: e.event.status === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: `https://schema.org/${attendance[e.event.mode]}`,
    location: location.length === 1 ? location[0] : location,
    organizer: {
      "@type": "Organization",
      name: e.organisation.name,
      url: `${baseUrl}/organisationen/${e.organisation.slug}`,
      ...(e.organisation.website ? { sameAs: e.organisation.website } : {}),
    },
    ...(e.event.imageUrl ? { image: [`${baseUrl}${e.event.imageUrl}`] } : {}),
    ...(e.event.isFree
      ? {
          isAccessibleForFree: true,
          offers: {
            "@type": "Offer",
            price: 0,
            priceCurrency: "EUR",
            availability: "https://schema.org/InStock",
            url: e.event.registrationUrl ?? url,
          },
        }
      : {}),
    ...(e.sessions.length > 1
      ? {
          subEvent: e.sessions.map((s) => ({
            "@type": "Event",
            name: pick(lang, e.event.titleDe, e.event.titleEn),
            startDate: s.startsAt.toISOString(),
            endDate: s.endsAt.toISOString(),
          })),
        }
      : {}),
  };
}
