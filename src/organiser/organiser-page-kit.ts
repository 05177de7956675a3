import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireActor } from "../accounts/require-actor.ts";
import type { Actor } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import type { PageCtx } from "../lib/page-context.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { chooseOrganisation, listMyOrganisations, type MyOrganisation } from "./load-dashboard.ts";
import type { MailCtx } from "./organiser-mail.ts";

/** What every organiser page handler starts from: who acts, their organisations, the one shown. */
export type PageBase = { ctx: PageCtx; actor: Actor; verb: MailCtx; orgs: MyOrganisation[]; org: MyOrganisation | undefined };

const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

/** Requires a login (anonymous → /anmelden?next=…), then picks the organisation of `?org=slug` (foreign → 404). */
export async function pageBase(app: FastifyInstance, request: FastifyRequest): Promise<PageBase> {
  const actor = requireActor(request);
  const verb: MailCtx = { db: app.database.db, actor, baseUrl: app.config.baseUrl };
  const orgs = await listMyOrganisations({ ctx: verb });
  const slug = queryOf(request).org;
  const org = chooseOrganisation(orgs, typeof slug === "string" && slug !== "" ? slug : undefined);
  return { ctx: pageCtxOf(request), actor, verb, orgs, org };
}

/** Like pageBase, for pages about one organisation: without any organisation there is nothing to show. */
export async function orgPageBase(app: FastifyInstance, request: FastifyRequest): Promise<PageBase & { org: MyOrganisation }> {
  const base = await pageBase(app, request);
  if (!base.org) throw new AppError("not_found", "No organisation");
  return { ...base, org: base.org };
}

/** The field errors of a refused form; any other error is rethrown to the error handler. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (error instanceof AppError && error.code === "validation") return error.fields;
  throw error;
}

/** A positive number from a route parameter or form field; 0 when absent or malformed (never matches). */
export const idOf = (value: unknown): number => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
};

/** The request body of a url-encoded form, without the CSRF token. */
export function formOf(request: FastifyRequest): Record<string, unknown> {
  const { _csrf: _, ...rest } = (request.body ?? {}) as Record<string, unknown>;
  return rest;
}

const notices = {
  saved: "organiser.saved",
  requestSent: "organiser.request.sent",
  invited: "organiser.members.invited",
  revoked: "organiser.members.revoked",
  removed: "organiser.members.removed",
  roleChanged: "organiser.members.roleChanged",
  left: "organiser.members.left",
  fairCreated: "organiser.fair.created",
  fairUpdated: "organiser.fair.updated",
  fairDeleted: "organiser.fair.deleted",
  logoSaved: "organiser.profile.logoSaved",
  confirmed: "organiser.requests.confirmed",
  declined: "organiser.requests.declined",
  accepted: "organiser.invitation.accepted",
  reasonAdded: "moderation.reasons.added",
  reasonRetired: "moderation.reasons.retired",
  pageSaved: "pages.saved",
  pageCreated: "pages.created",
  pageRestored: "pages.restored",
  userRoleChanged: "users.notice.roleChanged",
  userDeactivated: "users.notice.deactivated",
  userReactivated: "users.notice.reactivated",
  userResent: "users.notice.resent",
  userCreated: "users.notice.created",
  organisationsMerged: "users.notice.merged",
  newsSaved: "news.saved",
  newsCreated: "news.created",
  contactSaved: "news.contactSaved",
  contactRemoved: "news.contactRemoved",
  termAdded: "taxonomies.notice.added",
  termRenamed: "taxonomies.notice.renamed",
  termMoved: "taxonomies.notice.moved",
  termRetired: "taxonomies.notice.retired",
  termReactivated: "taxonomies.notice.reactivated",
  termDeleted: "taxonomies.notice.deleted",
  kitAdded: "mediaKit.admin.notice.added",
  kitRemoved: "mediaKit.admin.notice.removed",
  kitGenerated: "mediaKit.admin.notice.generated",
  kitUsageSaved: "mediaKit.admin.notice.usageSaved",
} as const;

/** The success message named by `?notice=` (unknown names show nothing). */
export function noticeOf(ctx: PageCtx, request: FastifyRequest): string | null {
  const key = queryOf(request).notice;
  if (typeof key !== "string" || !(key in notices)) return null;
  return ctx.t(notices[key as keyof typeof notices]);
}
