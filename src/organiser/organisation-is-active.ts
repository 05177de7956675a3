import { eq } from "drizzle-orm";
import { organisation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

/**
 * Whether an organisation is confirmed. Requested organisations (pending or declined) may prepare
 * their profile and drafts but not submit events: the event form's submit verb asks this first.
 */
export async function organisationIsActive(db: DbOrTx, organisationId: number): Promise<boolean> {
  const [row] = await db.select({ status: organisation.status }).from(organisation).where(eq(organisation.id, organisationId));
  return row?.status === "active";
}
