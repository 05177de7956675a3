import type { TFunction } from "i18next";
import { translator } from "./i18n/i18n.ts";
import type { Lang } from "./language.ts";

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;
export type QueryParams = Record<string, QueryValue>;

/** What every view needs to know about the request it renders. */
export type PageCtx = {
  lang: Lang;
  t: TFunction;
  /** Path of the request without query. */
  path: string;
  /** The request's query parameters as received. */
  query: URLSearchParams;
  baseUrl: string;
  /** True on installations running with the invented demo data (SEED=demo). */
  demo: boolean;
  /**
   * The signed-in account for the header (name, token of the logout form); null for visitors and on
   * publicly cached pages, which never load the session and so show "Anmelden" to everybody.
   */
  account: { name: string; csrf: string | null } | null;
  /** A link within the site that keeps the interface language. */
  href(path: string, params?: QueryParams): string;
  /** The absolute URL of a site path. */
  absolute(pathAndQuery: string): string;
};

/** Serialises query parameters in a stable order, dropping empty ones. */
export function queryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function isEmpty(params: QueryParams): boolean {
  for (const _ in params) return false;
  return true;
}

export function createPageCtx(lang: Lang, rawUrl: string, baseUrl: string, demo = false, account: PageCtx["account"] = null): PageCtx {
  const url = new URL(rawUrl, "http://localhost");
  return {
    lang,
    t: translator(lang),
    path: url.pathname,
    query: url.searchParams,
    baseUrl,
    demo,
    account,
    // Most links carry no parameters (navigation, footer, cards): skip building a URLSearchParams for them.
    href: (path, params) =>
      params === undefined || isEmpty(params)
        ? `${path}${lang === "en" ? "?lang=en" : ""}`
        : `${path}${queryString({ ...params, lang: lang === "en" ? "en" : undefined })}`,
    absolute: (pathAndQuery) => `${baseUrl}${pathAndQuery}`,
  };
}

/** The current URL in the other language. */
export function switchLanguageHref(ctx: PageCtx): string {
  const search = new URLSearchParams(ctx.query);
  search.delete("lang");
  if (ctx.lang === "de") search.set("lang", "en");
  const text = search.toString();
  return `${ctx.path}${text ? `?${text}` : ""}`;
}
