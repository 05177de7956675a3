import { auditLog } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { type Actor, storedUserId } from "../lib/actor.ts";

/** The kinds of object an audit row is about. */
export const auditObjectTypes = [
  "event",
  "organisation",
  "membership",
  "user",
  "page",
  "news_item",
  "press_contact",
  "state_intro",
  "featured",
  "reject_reason",
  "report",
  "edition",
  "taxonomy_term",
  "media_kit_file",
] as const;
export type AuditObjectType = (typeof auditObjectTypes)[number];

export type AuditEntry = {
  action: string;
  objectType: AuditObjectType;
  objectId: string | number;
  /** The Land the object belongs to (coordinators see their Länder's entries); null for national objects. */
  stateCode: string | null;
  /** One line: what changed, before → after, readable without the JSON. */
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit row (PRODUCT §8) inside the caller's transaction, so it exists exactly when the action does. */
export async function writeAudit(db: DbOrTx, actor: Pick<Actor, "userId" | "name"> | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor ? storedUserId(actor) : null,
    actorName: actor?.name ?? "System",
    action: entry.action,
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    stateCode: entry.stateCode,
    summary: entry.summary.slice(0, 1000),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
