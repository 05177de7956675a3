import { formatDay, formatTime } from "../lib/format-date.ts";
import type { Lang } from "../lib/language.ts";
import { pick } from "../lib/language.ts";
import type { NewsRow } from "./news-queries.ts";

/** /aktuelles/<slug> */
export const newsPath = (slug: string) => `/aktuelles/${slug}`;

/** Date and time in Berlin, e.g. "7. Dezember 2026, 14:00". */
export const formatWhen = (lang: Lang, at: Date) => `${formatDay(lang, at)}, ${formatTime(lang, at)}`;

/** A file size for people: "240 KB", "1,2 MB". */
export function formatFileSize(lang: Lang, bytes: number): string {
  const locale = lang === "en" ? "en-GB" : "de-DE";
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** Title, summary and body in the reader's language (German when the English text is empty). */
export function newsTexts(lang: Lang, item: Pick<NewsRow, "titleDe" | "titleEn" | "summaryDe" | "summaryEn" | "bodyDe" | "bodyEn">) {
  const en = lang === "en" && item.titleEn.trim() !== "";
  return {
    lang: en ? ("en" as const) : ("de" as const),
    title: en ? item.titleEn : item.titleDe,
    summary: en ? pick(lang, item.summaryDe, item.summaryEn) : item.summaryDe,
    body: en ? pick(lang, item.bodyDe, item.bodyEn) : item.bodyDe,
  };
}
