import { createHash } from "node:crypto";
import type { TFunction } from "i18next";
import { berlinDay } from "../events/event-dates.ts";
import type { PublicEvent } from "../events/get-public-event.ts";
import { formatDay, formatSpan } from "../lib/format-date.ts";
import { type Lang, pick } from "../lib/language.ts";

/** Everything a share card shows; its hash names the cached image, so any change gives a new one. */
export type ShareCardData = {
  title: string;
  dates: string;
  place: string;
  editionName: string;
  hashtag: string;
  /** The "cancelled" badge, or empty for an event that takes place. */
  badge: string;
  lang: Lang;
};

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

/** Bump when the card's design changes, so cached images are rendered anew. */
const DESIGN_VERSION = "1";

/** Texts of the card that come from the site's translations. */
export type CardLabels = { online: string; cancelled: string; moreDates(count: number): string };

export function cardLabels(t: TFunction): CardLabels {
  return {
    online: t("event.online"),
    cancelled: t("programme.cancelled"),
    moreDates: (count) => t("programme.moreDates", { count }),
  };
}

/** One session: its full span; several: their distinct Berlin days, at most two, then "+ N more". */
function describeDates(lang: Lang, sessions: PublicEvent["sessions"], labels: CardLabels): string {
  const [first] = sessions;
  if (!first) return "";
  if (sessions.length === 1) return formatSpan(lang, first.startsAt, first.endsAt, first.allDay);
  const days = new Map<string, Date>();
  for (const s of sessions) if (!days.has(berlinDay(s.startsAt))) days.set(berlinDay(s.startsAt), s.startsAt);
  const shown = [...days.values()].slice(0, 2).map((d) => formatDay(lang, d));
  return days.size > 2 ? `${shown.join(" · ")} ${labels.moreDates(days.size - 2)}` : shown.join(" · ");
}

function countryName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function describePlace(e: PublicEvent, lang: Lang, onlineLabel: string): string {
  const venue = e.venue;
  const city = venue ? [venue.city, venue.country !== "DE" ? countryName(lang, venue.country) : ""].filter(Boolean).join(", ") : "";
  if (e.event.mode === "online" || !city) return onlineLabel;
  return e.event.mode === "hybrid" ? `${city} · ${onlineLabel}` : city;
}

/** The card's texts in the reader's language (German when an English text is missing). */
export function shareCardData(e: PublicEvent, lang: Lang, labels: CardLabels): ShareCardData {
  return {
    title: pick(lang, e.event.titleDe, e.event.titleEn),
    dates: describeDates(lang, e.sessions, labels),
    place: describePlace(e, lang, labels.online),
    editionName: pick(lang, e.edition.titleDe, e.edition.titleEn),
    hashtag: e.edition.hashtag,
    badge: e.event.status === "cancelled" ? labels.cancelled : "",
    lang,
  };
}

/** A short, stable hash of what the card shows (and of its design version). */
export function shareCardHash(data: ShareCardData): string {
  const text = JSON.stringify([DESIGN_VERSION, data.title, data.dates, data.place, data.editionName, data.hashtag, data.badge, data.lang]);
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The card's site path; `v` changes with the content, so social networks fetch the new image. */
export function shareCardPath(eventId: number, data: ShareCardData): string {
  return `/veranstaltungen/${eventId}/teilen.png?v=${shareCardHash(data)}${data.lang === "en" ? "&lang=en" : ""}`;
}
