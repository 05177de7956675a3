import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { organisation, organisationInvitation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

/** Invitations are valid this long. */
export const invitationLifetimeMs = 14 * 24 * 60 * 60 * 1000;

/** A random, URL-safe secret of 256 bits for the invitation link. */
export const newInvitationToken = (): string => randomBytes(32).toString("base64url");

/** The table keeps only this hash: a leaked table lets nobody join. */
export const hashInvitationToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export type OpenInvitation = { id: number; email: string; role: "member" | "owner"; organisationId: number; organisationName: string };

/** The invitation behind a link, if it is still open (not accepted, revoked or expired). */
export async function findOpenInvitation(db: DbOrTx, token: string): Promise<OpenInvitation | undefined> {
  if (!/^[\w-]{20,200}$/.test(token)) return undefined;
  const [row] = await db
    .select({
      id: organisationInvitation.id,
      email: organisationInvitation.email,
      role: organisationInvitation.role,
      organisationId: organisationInvitation.organisationId,
      organisationName: organisation.name,
      expiresAt: organisationInvitation.expiresAt,
      acceptedAt: organisationInvitation.acceptedAt,
      revokedAt: organisationInvitation.revokedAt,
    })
    .from(organisationInvitation)
    .innerJoin(organisation, eq(organisation.id, organisationInvitation.organisationId))
    .where(eq(organisationInvitation.tokenHash, hashInvitationToken(token)));
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return undefined;
  return { id: row.id, email: row.email, role: row.role, organisationId: row.organisationId, organisationName: row.organisationName };
}
