import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { Role, VerbCtx } from "../lib/actor.ts";
import { parseFilter, UserFilter, type UserStatus } from "./users.schemas.ts";
import { requireUserAdmin } from "./users-access.ts";

export const userPageSize = 50;

export type UserListItem = {
  id: number;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  stateCodes: string[];
  organisations: string[];
  createdAt: Date;
};
export type UserList = { filter: UserFilter; users: UserListItem[]; total: number; pages: number };

/** A LIKE pattern matching `text` anywhere, with its wildcards taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL status of a user row aliased u: deactivated wins over unverified. */
export const userStatusSql = sql`case when u.deactivated_at is not null then 'deactivated'
  when u.email_verified_at is null then 'unverified' else 'active' end`;

/**
 * Users for the office (editors, admins; others 404): searched by name or e-mail, filtered by role,
 * Land (coordinated, or of an organisation they belong to) and status; by name, 50 a page.
 */
export async function listUsers({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<UserList> {
  requireUserAdmin(ctx.actor);
  const filter = parseFilter(UserFilter, input);
  const conditions: SQL[] = [sql`true`];
  if (filter.q) conditions.push(sql`(u.name ilike ${containing(filter.q)} or u.email ilike ${containing(filter.q)})`);
  if (filter.role) conditions.push(sql`u.role = ${filter.role}`);
  if (filter.status) conditions.push(sql`${userStatusSql} = ${filter.status}`);
  if (filter.state)
    conditions.push(sql`(exists (select 1 from coordinator_state c where c.user_id = u.id and c.state_code = ${filter.state})
      or exists (select 1 from membership m join organisation o on o.id = m.organisation_id
                 where m.user_id = u.id and o.state_code = ${filter.state}))`);
  const where = sql.join(conditions, sql` and `);
  const [counted] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from "user" u where ${where}`);
  const total = Number(counted?.n ?? 0);
  const rows = await queryRows<{
    id: number;
    name: string;
    email: string;
    role: Role;
    status: UserStatus;
    state_codes: string[] | null;
    organisations: string[] | null;
    created_at: Date | string;
  }>(
    ctx.db,
    sql`select u.id, u.name, u.email, u.role, ${userStatusSql} as status, u.created_at,
          array(select c.state_code from coordinator_state c where c.user_id = u.id order by 1) as state_codes,
          array(select o.name from membership m join organisation o on o.id = m.organisation_id
                where m.user_id = u.id order by o.name) as organisations
        from "user" u where ${where}
        order by lower(u.name), u.id
        limit ${userPageSize} offset ${(filter.page - 1) * userPageSize}`,
  );
  const users = rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    email: r.email,
    role: r.role,
    status: r.status,
    stateCodes: r.state_codes ?? [],
    organisations: r.organisations ?? [],
    createdAt: new Date(r.created_at),
  }));
  return { filter, users, total, pages: Math.max(1, Math.ceil(total / userPageSize)) };
}
