import type { Lang } from "../lib/language.ts";
import { pickWithLang } from "../lib/language.ts";

/** Text in the reader's language; a German fallback on an English page is marked lang="de" (WCAG 3.1.2). */
export function Localized({ lang, de, en }: { lang: Lang; de: string; en: string | null | undefined }) {
  const picked = pickWithLang(lang, de, en);
  return picked.lang === lang ? picked.text : <span lang={picked.lang}>{picked.text}</span>;
}
