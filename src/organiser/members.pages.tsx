import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { AppError } from "../lib/errors.ts";
import { sendPage } from "../views/render.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { changeMemberRole } from "./change-member-role.ts";
import { findOpenInvitation } from "./invitation-token.ts";
import { inviteMember } from "./invite-member.ts";
import { listMembers } from "./list-members.ts";
import { listMyOrganisations } from "./load-dashboard.ts";
import { sendForbidden } from "./organisation.pages.tsx";
import { fieldErrorsOf, formOf, idOf, noticeOf, orgPageBase, pageBase } from "./organiser-page-kit.ts";
import { removeMember } from "./remove-member.ts";
import { revokeInvitation } from "./revoke-invitation.ts";
import { InvitationPage, MembersPage, type MembersView } from "./views/MembersPage.tsx";

const isCode = (error: unknown, code: AppError["code"]) => error instanceof AppError && error.code === code;

/** Members and invitations of an organisation, and the invitation link /einladung/:token. */
export function registerMemberPages(app: FastifyInstance): void {
  const db = app.database.db;

  const render = async (request: FastifyRequest, reply: FastifyReply, view: Partial<MembersView>, status = 200) => {
    const base = await orgPageBase(app, request);
    const team = await listMembers({ ctx: base.verb, input: { organisationId: base.org.id } });
    const full: MembersView = {
      values: {},
      errors: {},
      notice: noticeOf(base.ctx, request),
      ...view,
      team,
      csrf: csrfToken(request, reply),
    };
    return sendPage(reply, <MembersPage base={base} view={full} />, status);
  };

  app.get("/mein-bereich/organisation/mitglieder", async (request, reply) => render(request, reply, {}));

  app.post("/mein-bereich/organisation/mitglieder", async (request, reply) => {
    const base = await orgPageBase(app, request);
    const values = formOf(request);
    try {
      await inviteMember({ ctx: base.verb, input: { ...values, organisationId: base.org.id } });
      return reply.redirect(base.ctx.href("/mein-bereich/organisation/mitglieder", { org: base.org.slug, notice: "invited" }), 303);
    } catch (error) {
      if (isCode(error, "forbidden")) return sendForbidden(base, reply, base.ctx.t("organiser.members.ownersOnly"));
      if (isCode(error, "conflict")) return render(request, reply, { values, errors: { email: "tooManyInvitations" } }, 409);
      return render(request, reply, { values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  app.post<{ Params: { userId: string } }>("/mein-bereich/organisation/mitglieder/:userId/entfernen", async (request, reply) => {
    const base = await orgPageBase(app, request);
    const userId = idOf(request.params.userId);
    try {
      await removeMember({ ctx: base.verb, input: { organisationId: base.org.id, userId } });
    } catch (error) {
      if (isCode(error, "conflict")) return render(request, reply, { problem: base.ctx.t("organiser.errors.lastOwner") }, 409);
      if (isCode(error, "forbidden")) return sendForbidden(base, reply, base.ctx.t("organiser.members.ownersOnly"));
      throw error;
    }
    if (userId === base.actor.userId) return reply.redirect(base.ctx.href("/mein-bereich", { notice: "left" }), 303);
    return reply.redirect(base.ctx.href("/mein-bereich/organisation/mitglieder", { org: base.org.slug, notice: "removed" }), 303);
  });

  app.post<{ Params: { userId: string } }>("/mein-bereich/organisation/mitglieder/:userId/rolle", async (request, reply) => {
    const base = await orgPageBase(app, request);
    try {
      await changeMemberRole({
        ctx: base.verb,
        input: { organisationId: base.org.id, userId: idOf(request.params.userId), role: formOf(request).role },
      });
    } catch (error) {
      if (isCode(error, "conflict")) return render(request, reply, { problem: base.ctx.t("organiser.errors.lastOwner") }, 409);
      if (isCode(error, "forbidden")) return sendForbidden(base, reply, base.ctx.t("organiser.members.ownersOnly"));
      throw error;
    }
    return reply.redirect(base.ctx.href("/mein-bereich/organisation/mitglieder", { org: base.org.slug, notice: "roleChanged" }), 303);
  });

  app.post<{ Params: { id: string } }>("/mein-bereich/organisation/einladungen/:id/zuruecknehmen", async (request, reply) => {
    const base = await orgPageBase(app, request);
    try {
      await revokeInvitation({ ctx: base.verb, input: { organisationId: base.org.id, invitationId: idOf(request.params.id) } });
    } catch (error) {
      if (isCode(error, "forbidden")) return sendForbidden(base, reply, base.ctx.t("organiser.members.ownersOnly"));
      throw error;
    }
    return reply.redirect(base.ctx.href("/mein-bereich/organisation/mitglieder", { org: base.org.slug, notice: "revoked" }), 303);
  });

  const renderInvitation = async (
    request: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
    errors = {},
    status?: number,
  ) => {
    const base = await pageBase(app, request);
    const invitation = await findOpenInvitation(db, request.params.token);
    const page = (
      <InvitationPage base={base} invitation={invitation} token={request.params.token} csrf={csrfToken(request, reply)} errors={errors} />
    );
    return sendPage(reply, page, status ?? (invitation ? 200 : 404));
  };

  // Anonymous visitors are sent to /anmelden?next=/einladung/… (the mail tells them to register first).
  app.get<{ Params: { token: string } }>("/einladung/:token", async (request, reply) => renderInvitation(request, reply));

  app.post<{ Params: { token: string } }>("/einladung/:token", async (request, reply) => {
    const base = await pageBase(app, request);
    const form = formOf(request);
    try {
      const { organisationId } = await acceptInvitation({
        ctx: base.verb,
        input: { token: request.params.token, confirmOtherEmail: form.confirmOtherEmail },
      });
      const slug = (await listMyOrganisations({ ctx: base.verb })).find((o) => o.id === organisationId)?.slug;
      return reply.redirect(base.ctx.href("/mein-bereich", { org: slug, notice: "accepted" }), 303);
    } catch (error) {
      if (isCode(error, "not_found")) return renderInvitation(request, reply, {}, 404);
      return renderInvitation(request, reply, fieldErrorsOf(error), 422);
    }
  });
}
