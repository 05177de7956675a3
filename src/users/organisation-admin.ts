import { eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import { organisation } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { notFound } from "../lib/errors.ts";
import { rowIdOf } from "./load-user.ts";
import { type Footprint, organisationFootprint } from "./organisation-footprint.ts";
import { requireUserAdmin } from "./users-access.ts";

export type OrganisationRow = typeof organisation.$inferSelect;
export type OrganisationMember = { userId: number; name: string; email: string; role: "member" | "owner" };
export type ManagedOrganisation = { organisation: OrganisationRow; footprint: Footprint; members: OrganisationMember[] };

/** An organisation by id (or, for the merge form, by slug), locked when asked; 404 when unknown. */
export async function findOrganisation(db: DbOrTx, key: unknown, lock = false): Promise<OrganisationRow> {
  const id = rowIdOf(key);
  const slug = typeof key === "string" ? key.trim().toLowerCase().slice(0, 200) : "";
  const where = id ? eq(organisation.id, id) : slug ? eq(organisation.slug, slug) : undefined;
  if (!where) throw notFound("Organisation not found");
  const query = db.select().from(organisation).where(where);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Organisation not found");
  return row;
}

/** The office's page of an organisation: its row, what belongs to it, its members (editors, admins; others 404). */
export async function loadManagedOrganisation({ ctx, input }: { ctx: VerbCtx; input: { id: unknown } }): Promise<ManagedOrganisation> {
  requireUserAdmin(ctx.actor);
  const row = await findOrganisation(ctx.db, rowIdOf(input.id));
  const members = await queryRows<{ user_id: number; name: string; email: string; role: "member" | "owner" }>(
    ctx.db,
    sql`select m.user_id, u.name, u.email, m.role from membership m join "user" u on u.id = m.user_id
        where m.organisation_id = ${row.id} order by m.role desc, lower(u.name)`,
  );
  return {
    organisation: row,
    footprint: await organisationFootprint(ctx.db, row.id),
    members: members.map((m) => ({ userId: Number(m.user_id), name: m.name, email: m.email, role: m.role })),
  };
}
