import { and, desc, eq, gte, ilike, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { auditLog } from "../db/schema/index.ts";
import { isNational, type VerbCtx } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { AuditFilter } from "./moderation.schemas.ts";
import { requireReviewer } from "./review-access.ts";

export const auditPageSize = 50;

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditList = { filter: AuditFilter; entries: AuditRow[]; total: number; pages: number; actions: string[] };

/** Parses the filters of the URL; a malformed value is 400 naming it. */
export function parseAuditFilter(raw: unknown): AuditFilter {
  const parsed = AuditFilter.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), "invalid"]));
  throw new AppError("bad_request", `Invalid filter: ${Object.keys(fields).join(", ")}`, fields);
}

/** Midnight at the start of a Berlin day (`YYYY-MM-DD`), plus `days`. */
const berlinDay = (day: string, days = 0) => sql`((${day}::date + ${days}::int)::timestamp at time zone 'Europe/Berlin')`;

/** A LIKE pattern matching `text` anywhere, with its wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The audit log as the actor may see it (PRODUCT §8): editors and admins all entries, coordinators only
 * those of their Länder (never national ones), organisers 404. Filtered, newest first, 50 a page.
 */
export async function listAudit({ ctx, input }: { ctx: VerbCtx; input: unknown }): Promise<AuditList> {
  const actor = requireReviewer(ctx.actor);
  const filter = parseAuditFilter(input);
  const scope = isNational(actor)
    ? undefined
    : and(isNotNull(auditLog.stateCode), inArray(auditLog.stateCode, actor.stateCodes.length ? [...actor.stateCodes] : ["-"]));
  const conditions: (SQL | undefined)[] = [
    scope,
    filter.action ? or(eq(auditLog.action, filter.action), ilike(auditLog.action, `${filter.action.replace(/_/g, "\\_")}.%`)) : undefined,
    filter.objectType ? eq(auditLog.objectType, filter.objectType) : undefined,
    filter.state ? eq(auditLog.stateCode, filter.state) : undefined,
    filter.actor ? ilike(auditLog.actorName, containing(filter.actor)) : undefined,
    filter.from ? gte(auditLog.at, berlinDay(filter.from)) : undefined,
    filter.to ? lt(auditLog.at, berlinDay(filter.to, 1)) : undefined,
  ];
  const where = and(...conditions);
  const [counted] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const total = Number(counted?.n ?? 0);
  const entries = await ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(auditPageSize)
    .offset((filter.page - 1) * auditPageSize);
  const actions = await ctx.db.selectDistinct({ action: auditLog.action }).from(auditLog).where(scope).orderBy(auditLog.action);
  return { filter, entries, total, pages: Math.max(1, Math.ceil(total / auditPageSize)), actions: actions.map((a) => a.action) };
}
