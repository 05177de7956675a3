import i18next, { type TFunction } from "i18next";
import type { Lang } from "../language.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof de };
    returnNull: false;
  }
}

const instance = i18next.createInstance();
await instance.init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: "de",
  fallbackLng: "de",
  initAsync: false,
  // Preact escapes on output; escaping here too would double-escape.
  interpolation: { escapeValue: false },
});

export type T = TFunction;

const fixed: Record<Lang, TFunction> = { de: instance.getFixedT("de"), en: instance.getFixedT("en") };

/** The translation function for one language. */
export function translator(lang: Lang): TFunction {
  return fixed[lang];
}
