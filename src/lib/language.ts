export const languages = ["de", "en"] as const;
export type Lang = (typeof languages)[number];

/** The interface language of a request: `lang=en` switches to English, German otherwise. */
export function langOf(query: unknown): Lang {
  const value = typeof query === "object" && query !== null ? (query as Record<string, unknown>).lang : undefined;
  return value === "en" ? "en" : "de";
}

/** The text in the reader's language and the language it is really in (German when no translation exists). */
export function pickWithLang(lang: Lang, de: string, en: string | null | undefined): { text: string; lang: Lang } {
  return lang === "en" && en ? { text: en, lang: "en" } : { text: de, lang: "de" };
}

/** Picks the text in the reader's language, falling back to German. */
export function pick(lang: Lang, de: string, en: string | null | undefined): string {
  return lang === "en" && en ? en : de;
}
