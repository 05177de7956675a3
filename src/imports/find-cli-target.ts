import { asc, eq, ne } from "drizzle-orm";
import { StartupError } from "../db/data-dir.ts";
import { edition, organisation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** A mistake in the command line (missing file, unknown edition or organisation): printed without a stack, exit code 2. */
export class ImportCommandError extends StartupError {}

export type CliTarget = { organisationId: number; organisationName: string };

/**
 * The organisation a command-line import is for, after checking the edition exists and takes imports:
 * by slug, or the only organisation there is when --org is left out.
 */
export async function findCliTarget(db: DbOrTx, year: number, slug: string | undefined): Promise<CliTarget> {
  const editions = await db.select({ year: edition.year, status: edition.status }).from(edition).orderBy(asc(edition.year));
  const ed = editions.find((e) => e.year === year);
  if (!ed) {
    const known = editions.map((e) => e.year).join(", ");
    throw new ImportCommandError(`Unknown edition ${year}. ${known ? `Editions: ${known}.` : "The database has no editions."}`);
  }
  if (ed.status === "archived") throw new ImportCommandError(`Edition ${year} is archived; nothing can be imported into it.`);
  const columns = { id: organisation.id, name: organisation.name, slug: organisation.slug };
  if (slug !== undefined) {
    const [org] = await db.select(columns).from(organisation).where(eq(organisation.slug, slug));
    if (!org) throw new ImportCommandError(`Unknown organisation "${slug}" (give its slug, as in /organisationen/SLUG).`);
    return { organisationId: org.id, organisationName: org.name };
  }
  const orgs = await db.select(columns).from(organisation).where(ne(organisation.status, "declined")).limit(2);
  const [only] = orgs;
  if (!only || orgs.length > 1) throw new ImportCommandError("Say which organisation the events belong to: --org SLUG.");
  return { organisationId: only.id, organisationName: only.name };
}
