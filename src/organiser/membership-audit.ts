import { eq } from "drizzle-orm";
import { user } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor } from "../lib/actor.ts";
import { writeAudit } from "../moderation/audit.ts";

type Org = { id: number; name: string; stateCode: string };

/** One audit row of a membership change (objectType membership, the organisation's Land), in the caller's transaction. */
export async function auditMembership(
  tx: DbOrTx,
  actor: Actor,
  org: Org,
  entry: { action: string; objectId: string; summary: string; before?: unknown; after?: unknown },
): Promise<void> {
  await writeAudit(tx, actor, {
    action: `membership.${entry.action}`,
    objectType: "membership",
    objectId: `${org.id}:${entry.objectId}`,
    stateCode: org.stateCode,
    summary: `${org.name}: ${entry.summary}`,
    before: entry.before,
    after: entry.after,
  });
}

/** "Name <e-mail>" of a user, for summaries that outlive the account. */
export async function userLabel(tx: DbOrTx, userId: number): Promise<string> {
  const [row] = await tx.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, userId));
  return row ? `${row.name} <${row.email}>` : `#${userId}`;
}
