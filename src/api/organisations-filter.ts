import type { OrganisationFilter } from "../organisations/organisation-queries.ts";
import { QueryInvalid, unknownValue } from "./api-errors.ts";
import { Kind, type OrganisationsQuery } from "./organisations.schemas.ts";

const raw = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const valuesOf = (value: string | string[] | undefined): string[] =>
  raw(value)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** The organisations filter of the API: state codes and kinds, strict — an unknown or empty value answers 400 naming it. */
export function parseOrganisationFilter(query: OrganisationsQuery, stateCodes: string[]): OrganisationFilter {
  // As the programme filter: Land codes in any case (bw), longer codes (international) in lower case.
  const states = valuesOf(query.state).map((s) => (s.length <= 3 ? s.toUpperCase() : s.toLowerCase()));
  const kinds = valuesOf(query.kind);
  const kindNames: readonly string[] = Kind.options;
  const fields: Record<string, string> = {};
  const refuse = (name: string, values: string[], sent: string[], allowed: readonly string[], what: string) => {
    const bad = sent.some((v) => v.trim() === "") ? "" : values.find((v) => !allowed.includes(v));
    if (bad !== undefined) fields[name] = unknownValue(bad, `${what}${allowed.join(", ")}`);
  };
  refuse("state", states, raw(query.state), stateCodes, "state codes: ");
  refuse("kind", kinds, raw(query.kind), kindNames, "");
  if (Object.keys(fields).length > 0) throw new QueryInvalid(fields);
  return { states, kinds };
}
