import { edition } from "../db/schema/index.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { AppError, validationFailed } from "../lib/errors.ts";
import { writeAudit } from "../moderation/audit.ts";
import type { FileStore } from "../storage/file-store.ts";
import { parseEditionForm, Year } from "./edition.schemas.ts";
import { requireEditionEditor } from "./edition-access.ts";
import { type Edition, findEditionByYear } from "./edition-queries.ts";
import { editionColumns, patronsWithPortraits } from "./edition-values.ts";

/**
 * Creates an edition of a new year from the form, in planning (not yet open for submissions);
 * a year that exists already is a validation error at `year`. The row and its audit row are one transaction.
 */
export async function createEdition({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { form: Record<string, unknown>; store: FileStore };
}): Promise<Edition> {
  const actor = requireEditionEditor(ctx.actor);
  const year = Year.safeParse(input.form.year);
  let parsed: ReturnType<typeof parseEditionForm> | undefined;
  const errors: Record<string, string> = year.success ? {} : { year: "number" };
  try {
    parsed = parseEditionForm(input.form);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation")) throw error;
    Object.assign(errors, error.fields);
  }
  if (year.success && (await findEditionByYear(ctx.db, year.data))) errors.year = "yearTaken";
  if (!parsed || !year.success || Object.keys(errors).length > 0) throw validationFailed(errors);
  const patrons = await patronsWithPortraits(input.store, input.form, parsed);
  const values = { year: year.data, ...editionColumns(parsed, patrons), status: "planning" as const };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(edition).values(values).onConflictDoNothing({ target: edition.year }).returning();
    if (!row) throw validationFailed({ year: "yearTaken" });
    await writeAudit(tx, actor, {
      action: "edition.create",
      objectType: "edition",
      objectId: row.year,
      stateCode: null,
      summary: `Ausgabe ${row.year} angelegt: ${row.titleDe}`,
      after: { ...values, submissionOpensAt: row.submissionOpensAt, submissionClosesAt: row.submissionClosesAt },
    });
    return row;
  });
}
