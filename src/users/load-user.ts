import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Role, VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { userStatusSql } from "./list-users.ts";
import type { UserStatus } from "./users.schemas.ts";
import { requireUserAdmin } from "./users-access.ts";

export type ManagedUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  language: string;
  status: UserStatus;
  createdAt: Date;
  deactivatedAt: Date | null;
  stateCodes: string[];
  memberships: { id: number; slug: string; name: string; role: "member" | "owner" }[];
  sessions: number;
};

/** One account as the office sees it (with Länder, memberships, open sessions), locked for update when asked; 404 if unknown. */
export async function findManagedUser(db: DbOrTx, id: number, lock = false): Promise<ManagedUser> {
  const [row] = await queryRows<{
    id: number;
    name: string;
    email: string;
    role: Role;
    language: string;
    status: UserStatus;
    created_at: Date | string;
    deactivated_at: Date | string | null;
    state_codes: string[] | null;
    memberships: { id: number; slug: string; name: string; role: "member" | "owner" }[] | null;
    sessions: number;
  }>(
    db,
    sql`select u.id, u.name, u.email, u.role, u.language, ${userStatusSql} as status, u.created_at, u.deactivated_at,
          array(select c.state_code from coordinator_state c where c.user_id = u.id order by 1) as state_codes,
          (select coalesce(json_agg(json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'role', m.role) order by o.name), '[]')
             from membership m join organisation o on o.id = m.organisation_id where m.user_id = u.id) as memberships,
          (select count(*)::int from session s where s.user_id = u.id and s.expires_at > now()) as sessions
        from "user" u where u.id = ${id} ${lock ? sql`for update of u` : sql``}`,
  );
  if (!row) throw notFound("User not found");
  return {
    id: Number(row.id),
    name: row.name,
    email: row.email,
    role: row.role,
    language: row.language,
    status: row.status,
    createdAt: new Date(row.created_at),
    deactivatedAt: row.deactivated_at ? new Date(row.deactivated_at) : null,
    stateCodes: row.state_codes ?? [],
    memberships: (row.memberships ?? []).map((m) => ({ ...m, id: Number(m.id) })),
    sessions: Number(row.sessions),
  };
}

/** A row id from a URL or form: a positive PostgreSQL integer, else 0 (which matches nothing). */
export const rowIdOf = (value: unknown): number => {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : 0;
  return Number.isSafeInteger(n) && n > 0 && n <= 2 ** 31 - 1 ? n : 0;
};

/** The account page's data (editors and admins; others 404). */
export async function loadManagedUser({ ctx, input }: { ctx: VerbCtx; input: { id: unknown } }): Promise<ManagedUser> {
  requireUserAdmin(ctx.actor);
  const id = rowIdOf(input.id);
  if (!id) throw notFound("User not found");
  return findManagedUser(ctx.db, id);
}
