import type { Lang } from "./language.ts";

const zone = "Europe/Berlin";
const locales: Record<Lang, string> = { de: "de-DE", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], { timeZone: zone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Di., 2. April 2019" */
export const formatDay = (lang: Lang, d: Date) =>
  formatter(lang, { weekday: "short", day: "numeric", month: "long", year: "numeric" }).format(d);
/** "2. April" */
export const formatDayShort = (lang: Lang, d: Date) => formatter(lang, { day: "numeric", month: "long" }).format(d);
/** "10:00" */
export const formatTime = (lang: Lang, d: Date) => formatter(lang, { hour: "2-digit", minute: "2-digit" }).format(d);
/** "Dienstag, 2. April" from a YYYY-MM-DD day */
export const formatIsoDay = (lang: Lang, day: string, weekday: "long" | "short" = "long") =>
  formatter(lang, { weekday, day: "numeric", month: "long" }).format(new Date(`${day}T12:00:00Z`));

/** A session's time span in Berlin time, e.g. "Di., 2. April 2019, 10:00–16:00" or over two days. */
export function formatSpan(lang: Lang, start: Date, end: Date, allDay = false): string {
  const sameDay = formatDay(lang, start) === formatDay(lang, new Date(end.getTime() - 1));
  if (allDay) {
    return sameDay ? formatDay(lang, start) : `${formatDay(lang, start)} – ${formatDay(lang, new Date(end.getTime() - 1))}`;
  }
  const suffix = lang === "de" ? " Uhr" : "";
  if (sameDay) return `${formatDay(lang, start)}, ${formatTime(lang, start)}–${formatTime(lang, end)}${suffix}`;
  return `${formatDay(lang, start)}, ${formatTime(lang, start)}${suffix} – ${formatDay(lang, end)}, ${formatTime(lang, end)}${suffix}`;
}
