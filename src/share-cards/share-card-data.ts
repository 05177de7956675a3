import { createHash } from "node:crypto";
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

/** One session: its full span; several: their distinct Berlin days, at most two, then "+N". */
function describeDates(lang: Lang, sessions: PublicEvent["sessions"]): string {
  const [first] = sessions;
  if (!first) return "";
  if (sessions.length === 1) return formatSpan(lang, first.startsAt, first.endsAt, first.allDay);
  const days = new Map<string, Date>();
  for (const s of sessions) if (!days.has(berlinDay(s.startsAt))) days.set(berlinDay(s.startsAt), s.startsAt);
  const shown = [...days.values()].slice(0, 2).map((d) => formatDay(lang, d));
  return days.size > 2 ? `${shown.join(" · ")} · +${days.size - 2}` : shown.join(" · ");
}

function describePlace(e: PublicEvent, onlineLabel: string): string {
  const city = e.venue ? [e.venue.city, e.venue.country !== "DE" ? e.venue.country : ""].filter(Boolean).join(", ") : "";
  if (e.event.mode === "online" || !city) return onlineLabel;
  return e.event.mode === "hybrid" ? `${city} · ${onlineLabel}` : city;
}

/** The card's texts in the reader's language (German when an English text is missing). */
export function shareCardData(e: PublicEvent, lang: Lang, labels: { online: string; cancelled: string }): ShareCardData {
  return {
    title: pick(lang, e.event.titleDe, e.event.titleEn),
    dates: describeDates(lang, e.sessions),
    place: describePlace(e, labels.online),
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
