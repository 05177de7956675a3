import { eq } from "drizzle-orm";
import { edition, organisation } from "../db/schema/index.ts";
import { type DbOrTx, insertEventRecord } from "../events/event-record.ts";
import { coordinatesState, isMemberOf, type VerbCtx } from "../lib/actor.ts";
import { conflict, notFound, validationFailed } from "../lib/errors.ts";
import { editionForNewEvents } from "./edition-for-new-events.ts";
import { isRowNumber, requireActor } from "./event-access.ts";
import { diffSnapshots, eventSnapshot, recordHistory } from "./event-history.ts";
import { eventColumns, parseEventInput, slugify } from "./event-values.ts";

/**
 * Creates a draft event for one of the actor's organisations in the edition open for new events (or the
 * given edition, if not archived — the spreadsheet import), with the organiser's own reference if any.
 */
export async function createEventDraft({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { organisationId: number; event: unknown; editionId?: number; externalRef?: string };
}) {
  const actor = requireActor(ctx.actor);
  if (!isRowNumber(input.organisationId)) throw validationFailed({ organisationId: "choice" });
  const [org] = await ctx.db
    .select({ id: organisation.id, stateCode: organisation.stateCode })
    .from(organisation)
    .where(eq(organisation.id, input.organisationId));
  if (!org || !(isMemberOf(actor, org.id) || coordinatesState(actor, org.stateCode))) throw notFound("Organisation not found");
  const data = parseEventInput(input.event);
  return ctx.db.transaction(async (tx) => {
    const edition = input.editionId === undefined ? await editionForNewEvents(tx) : await openEdition(tx, input.editionId);
    const { values, sessions } = await eventColumns(tx, org.id, data);
    const id = await insertEventRecord(
      tx,
      {
        ...values,
        editionId: edition.id,
        organisationId: org.id,
        slug: slugify(data.titleDe),
        status: "draft",
        externalRef: input.externalRef ?? null,
      },
      sessions,
    );
    await recordHistory(tx, id, actor, "create", diffSnapshots({}, await eventSnapshot(tx, id)));
    return { id, version: 1 };
  });
}

async function openEdition(tx: DbOrTx, id: number) {
  const [row] = isRowNumber(id) ? await tx.select().from(edition).where(eq(edition.id, id)) : [];
  if (!row) throw validationFailed({ edition: "choice" });
  if (row.status === "archived") throw conflict("An archived edition takes no new events");
  return row;
}
