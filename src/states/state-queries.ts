import { and, eq } from "drizzle-orm";
import { stateIntro } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** The coordinator-written introduction of a state's page in an edition, if any. */
export async function findStateIntro(db: DbOrTx, editionId: number, stateCode: string) {
  const [row] = await db
    .select()
    .from(stateIntro)
    .where(and(eq(stateIntro.editionId, editionId), eq(stateIntro.stateCode, stateCode)));
  return row;
}
