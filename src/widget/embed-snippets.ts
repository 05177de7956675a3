import { modes } from "../events/programme-filter.ts";
import type { Lang } from "../lib/language.ts";
import { queryString } from "../lib/page-context.ts";
import type { Taxonomies } from "../taxonomies/taxonomy-queries.ts";
import { DEFAULT_LIMIT, type EmbedProblem, MAX_LIMIT } from "./load-embed-events.ts";

/** The filters the /embed form offers: one value each (the element takes several, comma-separated). */
export const formFilters = ["state", "format", "topic", "mode"] as const;
export type FormFilter = (typeof formFilters)[number];

export type EmbedChoice = {
  filters: Partial<Record<FormFilter, string>>;
  limit: number;
  widgetLang: Lang;
  ignored: EmbedProblem[];
};

/** Reads the /embed form leniently: unknown values are dropped and listed, like on the programme page. */
export function parseEmbedChoice(query: URLSearchParams, taxonomies: Taxonomies, pageLang: Lang): EmbedChoice {
  const allowed: Record<FormFilter, readonly string[]> = {
    state: taxonomies.states.map((s) => s.code),
    format: taxonomies.formats.map((f) => f.code),
    topic: taxonomies.topics.map((t) => t.code),
    mode: modes,
  };
  const ignored: EmbedProblem[] = [];
  const filters: EmbedChoice["filters"] = {};
  for (const name of formFilters) {
    const value = query.get(name)?.trim();
    if (!value) continue;
    if (allowed[name].includes(value)) filters[name] = value;
    else ignored.push({ name, value: value.slice(0, 80) });
  }
  const rawLimit = query.get("limit")?.trim();
  let limit = DEFAULT_LIMIT;
  if (rawLimit) {
    if (/^\d{1,6}$/.test(rawLimit) && Number(rawLimit) >= 1) limit = Math.min(Number(rawLimit), MAX_LIMIT);
    else ignored.push({ name: "limit", value: rawLimit.slice(0, 80) });
  }
  const rawLang = query.get("widgetLang");
  if (rawLang && rawLang !== "de" && rawLang !== "en") ignored.push({ name: "widgetLang", value: rawLang.slice(0, 80) });
  const widgetLang = rawLang === "de" || rawLang === "en" ? rawLang : pageLang;
  return { filters, limit, widgetLang, ignored };
}

/** The element's attributes (and the iframe's query parameters) for a choice, in a stable order. */
export function embedAttributes(choice: EmbedChoice): [string, string][] {
  const attributes: [string, string][] = [];
  for (const name of formFilters) {
    const value = choice.filters[name];
    if (value) attributes.push([name, value]);
  }
  if (choice.limit !== DEFAULT_LIMIT) attributes.push(["limit", String(choice.limit)]);
  if (choice.widgetLang === "en") attributes.push(["lang", "en"]);
  return attributes;
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export type EmbedSnippets = {
  /** Path and query of the iframe page, relative to our origin. */
  iframePath: string;
  /** Path and query of the programme page with the same filters (the element's fallback link). */
  programmePath: string;
  script: string;
  iframe: string;
};

/** The ready-to-copy HTML of both variants, with absolute URLs on our public origin. */
export function embedSnippets(origin: string, choice: EmbedChoice, texts: { eventsTitle: string }): EmbedSnippets {
  const attributes = embedAttributes(choice);
  const params = Object.fromEntries(attributes);
  const iframePath = `/embed/events${queryString(params)}`;
  const programmePath = `/programm${queryString({ ...choice.filters, lang: choice.widgetLang === "en" ? "en" : undefined })}`;
  const attributeText = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
  const title = escapeAttribute(texts.eventsTitle);
  const script = [
    `<script src="${origin}/widget.js" async></script>`,
    `<clusterwoche-events${attributeText}>`,
    `  <a href="${escapeAttribute(origin + programmePath)}">${title}</a>`,
    "</clusterwoche-events>",
  ].join("\n");
  const iframe = `<iframe src="${escapeAttribute(origin + iframePath)}" title="${title}" width="100%" height="600" loading="lazy"></iframe>`;
  return { iframePath, programmePath, script, iframe };
}
