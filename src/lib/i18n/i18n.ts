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

const MEMO_LIMIT = 5000;

/**
 * i18next copies its whole options object on every call (a few µs, dozens of calls per page). The
 * resources never change at run time, so the same arguments always give the same text: keep it,
 * in a map cleared when full (arguments carrying user input, e.g. a search term, are unbounded).
 */
function memoised(t: TFunction): TFunction {
  const memo = new Map<string, string>();
  const cached = (...args: unknown[]) => {
    const key = memoKey(args);
    const known = key === undefined ? undefined : memo.get(key);
    if (known !== undefined) return known;
    const text: unknown = Reflect.apply(t, undefined, args);
    if (key !== undefined && typeof text === "string") {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, text);
    }
    return text;
  };
  // Same call signature as `t`: the arguments are passed on unchanged.
  return cached as unknown as TFunction;
}

/** A key for `t(key)` or `t(key, { name: primitive, … })`; none for other calls, which are not memoised. */
function memoKey(args: unknown[]): string | undefined {
  const [key, options] = args;
  if (typeof key !== "string" || args.length > 2) return undefined;
  if (options === undefined) return args.length === 1 ? key : undefined;
  if (typeof options !== "object" || options === null) return undefined;
  for (const value of Object.values(options)) {
    const plain = typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
    if (!plain) return undefined;
  }
  return JSON.stringify(args);
}

const fixed: Record<Lang, TFunction> = { de: memoised(instance.getFixedT("de")), en: memoised(instance.getFixedT("en")) };

/** The translation function for one language. */
export function translator(lang: Lang): TFunction {
  return fixed[lang];
}
