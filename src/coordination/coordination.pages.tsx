import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { fieldErrorsOf, formOf, idOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { listMissingReports } from "../reports/missing-reports.ts";
import { sendPage } from "../views/render.ts";
import { listCoordinatedStates, loadCoordinatedState } from "./coordination-access.ts";
import { registerFeaturedPages } from "./featured.pages.tsx";
import { inviteOrganisation } from "./invite-organisation.ts";
import { listStateOrganisations, type StateOverview } from "./list-state-organisations.ts";
import { remindOrganisation } from "./remind-organisation.ts";
import { registerStateIntroPages } from "./state-intro.pages.tsx";
import { InviteOrganisationPage, type InviteView } from "./views/InviteOrganisationPage.tsx";
import { type OverviewMessage, StateOverviewPage } from "./views/StateOverviewPage.tsx";
import { StatesPage } from "./views/StatesPage.tsx";

type LandRequest = FastifyRequest<{ Params: { code: string } }>;

const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

/** The overview with a message above it (after a reminder, or refusing a second one today). */
async function renderOverview(
  request: LandRequest,
  reply: FastifyReply,
  base: PageBase,
  messageOf: (overview: StateOverview) => OverviewMessage | null,
  status = 200,
) {
  const overview = await listStateOrganisations({ ctx: base.verb, input: { stateCode: request.params.code } });
  const missingReports = await listMissingReports(base.verb.db, overview.land.code, new Date());
  const page = (
    <StateOverviewPage
      base={base}
      overview={overview}
      csrf={csrfToken(request, reply)}
      message={messageOf(overview)}
      missingReports={missingReports}
    />
  );
  return sendPage(reply, page, status);
}

/** The coordinators' tools under /mein-bereich/land/:code (their Länder; editors and admins every Land). */
export function registerCoordinationPages(app: FastifyInstance): void {
  app.get("/mein-bereich/laender", async (request, reply) => {
    const base = await pageBase(app, request);
    const lands = await listCoordinatedStates(base.verb.db, base.actor);
    return sendPage(reply, <StatesPage base={base} lands={lands} />);
  });

  app.get<{ Params: { code: string } }>("/mein-bereich/land/:code", async (request, reply) => {
    const base = await pageBase(app, request);
    // The notice names the organisation only if it really was reminded today (no text from the URL is shown).
    const reminded = idOf(queryOf(request).reminded);
    return renderOverview(request, reply, base, (overview) => {
      const org = overview.notSubmitted.find((o) => o.id === reminded && o.remindedToday);
      return org ? { kind: "notice", text: base.ctx.t("coordination.organisations.reminded", { name: org.name }) } : null;
    });
  });

  app.post<{ Params: { code: string } }>("/mein-bereich/land/:code/erinnerung", async (request, reply) => {
    const base = await pageBase(app, request);
    const { t, href } = base.ctx;
    const result = await remindOrganisation({ ctx: base.verb, input: { stateCode: request.params.code, values: formOf(request) } });
    if (result.outcome === "sent") {
      return reply.redirect(
        href(`/mein-bereich/land/${request.params.code.toUpperCase()}`, { reminded: String(result.organisationId) }),
        303,
      );
    }
    const text =
      result.outcome === "alreadySent"
        ? t("coordination.organisations.alreadyReminded", { name: result.name })
        : t("coordination.organisations.noMembers");
    return renderOverview(request, reply, base, () => ({ kind: "warning", text }), 409);
  });

  const renderInvite = async (request: LandRequest, reply: FastifyReply, base: PageBase, view: Omit<InviteView, "csrf">, status = 200) => {
    const { land } = await loadCoordinatedState(base.verb.db, base.actor, request.params.code);
    return sendPage(reply, <InviteOrganisationPage base={base} land={land} view={{ ...view, csrf: csrfToken(request, reply) }} />, status);
  };

  app.get<{ Params: { code: string } }>("/mein-bereich/land/:code/einladen", async (request, reply) => {
    const base = await pageBase(app, request);
    const sent = queryOf(request).sent;
    const notice = typeof sent === "string" && sent.length <= 254 ? base.ctx.t("coordination.inviteForm.sent", { email: sent }) : null;
    return renderInvite(request, reply, base, { values: {}, errors: {}, notice });
  });

  app.post<{ Params: { code: string } }>("/mein-bereich/land/:code/einladen", async (request, reply) => {
    const base = await pageBase(app, request);
    const values = formOf(request);
    try {
      const { email } = await inviteOrganisation({ ctx: base.verb, input: { stateCode: request.params.code, values } });
      return reply.redirect(base.ctx.href(`/mein-bereich/land/${request.params.code.toUpperCase()}/einladen`, { sent: email }), 303);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      return renderInvite(request, reply, base, { values, errors, notice: null }, errors.email === "dailyLimit" ? 429 : 422);
    }
  });

  registerStateIntroPages(app);
  registerFeaturedPages(app);
}
