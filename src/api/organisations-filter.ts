import type { OrganisationFilter } from "../organisations/organisation-queries.ts";
import { QueryInvalid } from "./api-errors.ts";
import { Kind, type OrganisationsQuery } from "./organisations.schemas.ts";

const valuesOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** The organisations filter of the API: state codes and kinds, strict — an unknown value answers 400 naming it. */
export function parseOrganisationFilter(query: OrganisationsQuery, stateCodes: string[]): OrganisationFilter {
  const states = valuesOf(query.state).map((s) => s.toUpperCase());
  const kinds = valuesOf(query.kind);
  const fields: Record<string, string> = {};
  const badState = states.find((s) => !stateCodes.includes(s));
  if (badState !== undefined)
    fields.state = `unknown value ${JSON.stringify(badState.slice(0, 50))}; allowed: state codes: ${stateCodes.join(", ")}`;
  const kindNames: readonly string[] = Kind.options;
  const badKind = kinds.find((k) => !kindNames.includes(k));
  if (badKind !== undefined) fields.kind = `unknown value ${JSON.stringify(badKind.slice(0, 50))}; allowed: ${kindNames.join(", ")}`;
  if (Object.keys(fields).length > 0) throw new QueryInvalid(fields);
  return { states, kinds };
}
