import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { loadTaxonomies } from "../taxonomies/taxonomy-queries.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { decideOrganisationRequest } from "./decide-organisation-request.ts";
import { listOrganisationRequests } from "./list-organisation-requests.ts";
import { loadDashboard } from "./load-dashboard.ts";
import { loadOwnOrganisation } from "./organisation-access.ts";
import { fieldErrorsOf, formOf, idOf, noticeOf, orgPageBase, type PageBase, pageBase } from "./organiser-page-kit.ts";
import { requestOrganisation } from "./request-organisation.ts";
import { updateOrganisationLogo } from "./update-organisation-logo.ts";
import { updateOrganisationProfile } from "./update-organisation-profile.ts";
import { DashboardPage, JoinPage } from "./views/DashboardPage.tsx";
import { type OrgFormView, ProfilePage, RequestOrganisationPage, valuesOfOrganisation } from "./views/OrganisationPages.tsx";
import { RequestsPage } from "./views/RequestsPage.tsx";

/** A refusal page for logged-in users who may not use a page at all (the page's existence is no secret). */
export function sendForbidden(base: PageBase, reply: FastifyReply, text: string = base.ctx.t("organiser.forbidden")) {
  const { ctx } = base;
  return sendPage(
    reply,
    <Layout ctx={ctx} meta={{ title: ctx.t("organiser.title"), noindex: true }}>
      <h1>{ctx.t("organiser.title")}</h1>
      <p>{text}</p>
    </Layout>,
    403,
  );
}

/** Dashboard, organisation request, profile, and the reviewers' list of requests. */
export function registerOrganisationPages(app: FastifyInstance): void {
  const db = app.database.db;

  app.get("/mein-bereich", async (request, reply) => {
    const base = await pageBase(app, request);
    const notice = noticeOf(base.ctx, request);
    if (!base.org) return sendPage(reply, <JoinPage base={base} notice={notice} />);
    const d = await loadDashboard({ ctx: base.verb, input: { organisationId: base.org.id } });
    return sendPage(reply, <DashboardPage base={base} d={d} notice={notice} />);
  });

  const renderRequest = async (request: FastifyRequest, reply: FastifyReply, base: PageBase, view: Partial<OrgFormView>, status = 200) => {
    const full: OrgFormView = { values: {}, errors: {}, ...view, csrf: csrfToken(request, reply), taxonomies: await loadTaxonomies(db) };
    return sendPage(reply, <RequestOrganisationPage base={base} view={full} />, status);
  };

  // A coordinator's invitation links here with the Land (and the organisation's name) filled in.
  app.get("/mein-bereich/organisation/neu", async (request, reply) => {
    const { stateCode, name } = (request.query ?? {}) as Record<string, unknown>;
    const values = {
      ...(typeof stateCode === "string" && /^[A-Z]{2}$/.test(stateCode) ? { stateCode } : {}),
      ...(typeof name === "string" && name.length <= 200 ? { name } : {}),
    };
    return renderRequest(request, reply, await pageBase(app, request), { values });
  });

  app.post("/mein-bereich/organisation/neu", async (request, reply) => {
    const base = await pageBase(app, request);
    const values = formOf(request);
    try {
      const { slug } = await requestOrganisation({ ctx: base.verb, input: values });
      return reply.redirect(base.ctx.href("/mein-bereich", { org: slug, notice: "requestSent" }), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") {
        return renderRequest(request, reply, base, { values, errors: { name: "tooManyRequests" } }, 409);
      }
      return renderRequest(request, reply, base, { values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  const renderProfile = async (request: FastifyRequest, reply: FastifyReply, view: Partial<OrgFormView>, status = 200) => {
    const base = await orgPageBase(app, request);
    const { org } = await loadOwnOrganisation(db, base.actor, base.org.id);
    const full: OrgFormView = {
      values: valuesOfOrganisation(org),
      errors: {},
      ...view,
      csrf: csrfToken(request, reply),
      taxonomies: await loadTaxonomies(db),
    };
    const page = <ProfilePage base={base} view={full} org={org} notice={noticeOf(base.ctx, request)} />;
    return sendPage(reply, page, status);
  };

  app.get("/mein-bereich/organisation", async (request, reply) => renderProfile(request, reply, {}));

  app.post("/mein-bereich/organisation", async (request, reply) => {
    const base = await orgPageBase(app, request);
    const values = formOf(request);
    try {
      await updateOrganisationProfile({ ctx: base.verb, input: { organisationId: base.org.id, values } });
      return reply.redirect(base.ctx.href("/mein-bereich/organisation", { org: base.org.slug, notice: "saved" }), 303);
    } catch (error) {
      return renderProfile(request, reply, { values, errors: fieldErrorsOf(error) }, 422);
    }
  });

  // Multipart (see app.ts): the file arrives as a Buffer in request.body.logo, _csrf as a field.
  app.post("/mein-bereich/organisation/logo", async (request, reply) => {
    const base = await orgPageBase(app, request);
    const { logo } = formOf(request);
    try {
      await updateOrganisationLogo({ ctx: base.verb, input: { organisationId: base.org.id, file: logo, store: app.storage } });
      return reply.redirect(base.ctx.href("/mein-bereich/organisation", { org: base.org.slug, notice: "logoSaved" }), 303);
    } catch (error) {
      return renderProfile(request, reply, { errors: fieldErrorsOf(error) }, 422);
    }
  });

  app.get("/mein-bereich/anfragen", async (request, reply) => {
    const base = await pageBase(app, request);
    if (base.actor.role === "organiser") return sendForbidden(base, reply);
    const requests = await listOrganisationRequests({ ctx: base.verb });
    const page = (
      <RequestsPage
        base={base}
        requests={requests}
        taxonomies={await loadTaxonomies(db)}
        csrf={csrfToken(request, reply)}
        notice={noticeOf(base.ctx, request)}
      />
    );
    return sendPage(reply, page);
  });

  app.post<{ Params: { id: string } }>("/mein-bereich/anfragen/:id", async (request, reply) => {
    const base = await pageBase(app, request);
    const form = formOf(request);
    const organisationId = idOf(request.params.id);
    if (organisationId === 0) throw notFound("Request not found");
    const { status } = await decideOrganisationRequest({
      ctx: base.verb,
      input: { organisationId, decision: form.decision, note: form.note },
    });
    const notice = status === "active" ? "confirmed" : "declined";
    return reply.redirect(base.ctx.href("/mein-bereich/anfragen", { notice }), 303);
  });
}
