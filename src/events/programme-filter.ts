import type { Lang } from "../lib/language.ts";

/** Values the filter parser can check against; loaded once per request from the taxonomies. */
export type FilterVocabulary = {
  editionYears: number[];
  currentYear: number;
  states: string[];
  formats: string[];
  topics: string[];
  targetGroups: string[];
  organisationSlugs: (slugs: string[]) => Promise<string[]> | string[];
  /** Days of the chosen edition, YYYY-MM-DD. */
  days: (year: number) => string[];
};

export const modes = ["onsite", "online", "hybrid"] as const;
export type Mode = (typeof modes)[number];

/** A parsed, validated programme filter (PRODUCT §9 parameter names). */
export type ProgrammeFilter = {
  q: string;
  edition: number;
  state: string[];
  format: string[];
  topic: string[];
  mode: Mode[];
  target: string[];
  day: string[];
  org: string[];
  free: boolean;
  /** Events held in this language (the "in English" filter). */
  language: Lang[];
  page: number;
};

export type IgnoredParam = { name: string; value: string };

export const MAX_QUERY_LENGTH = 200;
const MAX_VALUES = 30;

/** The filter parameters that take several values. */
export const listParams = ["state", "format", "topic", "mode", "target", "day", "org", "language"] as const;

/** No narrowing filter: the whole edition. */
export function emptyFilter(edition: number): ProgrammeFilter {
  return { q: "", edition, state: [], format: [], topic: [], mode: [], target: [], day: [], org: [], free: false, language: [], page: 1 };
}

function all(search: URLSearchParams, name: string): string[] {
  return search
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .slice(0, MAX_VALUES);
}

/**
 * Reads the programme filter from query parameters. Lenient by design for pages: values it cannot
 * use are dropped and listed in `ignored`, so a stale or mistyped link still shows a programme.
 */
export async function parseProgrammeFilter(
  search: URLSearchParams,
  vocabulary: FilterVocabulary,
): Promise<{ filter: ProgrammeFilter; ignored: IgnoredParam[]; truncated: boolean }> {
  const ignored: IgnoredParam[] = [];
  const keep = (name: string, values: string[], allowed: (v: string) => boolean) =>
    values.filter((value) => {
      if (allowed(value)) return true;
      ignored.push({ name, value });
      return false;
    });

  const rawYear = search.get("edition")?.trim();
  let edition = vocabulary.currentYear;
  if (rawYear) {
    const year = Number(rawYear);
    if (/^\d{4}$/.test(rawYear) && vocabulary.editionYears.includes(year)) edition = year;
    else ignored.push({ name: "edition", value: rawYear });
  }
  const rawQ = (search.get("q") ?? "").replace(/\s+/g, " ").trim();
  const truncated = rawQ.length > MAX_QUERY_LENGTH;
  const days = vocabulary.days(edition);
  const orgCandidates = all(search, "org").filter((v) => /^[a-z0-9-]{1,100}$/.test(v));
  const knownOrgs = new Set(orgCandidates.length ? await vocabulary.organisationSlugs(orgCandidates) : []);
  const rawPage = search.get("page");
  const page = rawPage && /^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1 ? Number(rawPage) : 1;
  if (rawPage && page === 1 && rawPage !== "1") ignored.push({ name: "page", value: rawPage });
  const rawFree = search.get("free");
  if (rawFree && !["true", "1", "false", "0"].includes(rawFree)) ignored.push({ name: "free", value: rawFree });

  const upper = (values: string[]) => values.map((v) => (v.length <= 3 ? v.toUpperCase() : v.toLowerCase()));
  const filter: ProgrammeFilter = {
    q: truncated ? rawQ.slice(0, MAX_QUERY_LENGTH) : rawQ,
    edition,
    state: unique(keep("state", upper(all(search, "state")), (v) => vocabulary.states.includes(v))),
    format: unique(keep("format", all(search, "format"), (v) => vocabulary.formats.includes(v))),
    topic: unique(keep("topic", all(search, "topic"), (v) => vocabulary.topics.includes(v))),
    mode: unique(keep("mode", all(search, "mode"), (v) => (modes as readonly string[]).includes(v))) as Mode[],
    target: unique(keep("target", all(search, "target"), (v) => vocabulary.targetGroups.includes(v))),
    day: unique(keep("day", all(search, "day"), (v) => days.includes(v))),
    org: unique(keep("org", all(search, "org"), (v) => knownOrgs.has(v))),
    free: rawFree === "true" || rawFree === "1",
    language: unique(keep("language", all(search, "language"), (v) => v === "de" || v === "en")) as Lang[],
    page,
  };
  return { filter, ignored, truncated };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The filter as query parameters, for links that keep it (pagination, facets, feeds). */
export function filterParams(filter: ProgrammeFilter, currentYear: number): Record<string, string | string[] | undefined> {
  const params: Record<string, string | string[] | undefined> = {
    q: filter.q || undefined,
    edition: filter.edition !== currentYear ? String(filter.edition) : undefined,
    free: filter.free ? "true" : undefined,
  };
  for (const name of listParams) {
    const values = filter[name] as string[];
    if (values.length) params[name] = values;
  }
  return params;
}

/** True when no narrowing filter is set (the whole edition). */
export function isUnfiltered(filter: ProgrammeFilter): boolean {
  return !filter.q && !filter.free && listParams.every((name) => (filter[name] as string[]).length === 0);
}
