import { and, eq, inArray, like, or } from "drizzle-orm";
import { organisation, state, topic } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { validationFailed } from "../lib/errors.ts";
import type { OrganisationInput } from "./organiser.schemas.ts";

/**
 * Checks the fields that refer to taxonomies: a real Land (not "online"), technology fields on offer
 * (a retired one only if the organisation already has it: `kept`).
 */
export async function checkOrganisationReferences(db: DbOrTx, input: OrganisationInput, kept: readonly string[] = []): Promise<void> {
  const fields: Record<string, string> = {};
  const [land] = await db
    .select({ code: state.code })
    .from(state)
    .where(and(eq(state.code, input.stateCode), eq(state.kind, "land")));
  if (!land) fields.stateCode = "choose";
  if (input.topics.length > 0) {
    const offered = kept.length ? or(eq(topic.active, true), inArray(topic.code, [...kept])) : eq(topic.active, true);
    const known = await db
      .select({ code: topic.code })
      .from(topic)
      .where(and(inArray(topic.code, input.topics), offered));
    if (known.length !== new Set(input.topics).size) fields.topics = "choose";
  }
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
}

/** "Cluster Bayern Chemie (Demo)" → "cluster-bayern-chemie-demo": lower case, umlauts spelt out. */
export function slugify(name: string): string {
  const spelt = name.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  const ascii = spelt.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "organisation";
}

/** A slug not taken yet: the name's slug, else with -2, -3, … appended. */
export async function freeSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: organisation.slug })
        .from(organisation)
        .where(or(eq(organisation.slug, base), like(organisation.slug, `${base}-%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
