import type { Lang } from "./language.ts";

const zone = "Europe/Berlin";
const locales: Record<Lang, string> = { de: "de-DE", en: "en-GB" };

const styles = {
  day: { weekday: "short", day: "numeric", month: "long", year: "numeric" },
  dayShort: { day: "numeric", month: "long" },
  time: { hour: "2-digit", minute: "2-digit" },
  isoDayLong: { weekday: "long", day: "numeric", month: "long" },
  isoDayShort: { weekday: "short", day: "numeric", month: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof styles;

const formatters = new Map<string, Intl.DateTimeFormat>();
// Intl formatting costs microseconds per call and a page shows the same few dates many times (cards,
// day filters); the texts never change, so keep them per (language, style, instant), cleared when full.
const texts = new Map<string, string>();
const TEXT_LIMIT = 20_000;

function formatted(lang: Lang, style: Style, d: Date): string {
  const key = `${lang}:${style}:${d.getTime()}`;
  let text = texts.get(key);
  if (text === undefined) {
    let f = formatters.get(`${lang}:${style}`);
    if (!f) {
      f = new Intl.DateTimeFormat(locales[lang], { timeZone: zone, ...styles[style] });
      formatters.set(`${lang}:${style}`, f);
    }
    text = f.format(d);
    if (texts.size >= TEXT_LIMIT) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** "Di., 2. April 2019" */
export const formatDay = (lang: Lang, d: Date) => formatted(lang, "day", d);
/** "2. April" */
export const formatDayShort = (lang: Lang, d: Date) => formatted(lang, "dayShort", d);
/** "10:00" */
export const formatTime = (lang: Lang, d: Date) => formatted(lang, "time", d);
/** "Dienstag, 2. April" from a YYYY-MM-DD day */
export const formatIsoDay = (lang: Lang, day: string, weekday: "long" | "short" = "long") =>
  formatted(lang, weekday === "long" ? "isoDayLong" : "isoDayShort", new Date(`${day}T12:00:00Z`));

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
