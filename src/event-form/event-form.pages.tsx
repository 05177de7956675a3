import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { submissionWindowState } from "../editions/edition-rules.ts";
import { EventPage } from "../events/views/EventPage.tsx";
import { AppError } from "../lib/errors.ts";
import type { PageCtx } from "../lib/page-context.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { ImageRejected, storeImage } from "../media/store-image.ts";
import { standingOf } from "../moderation/organiser-standing.ts";
import { holderText } from "../moderation/views/OrganiserStanding.tsx";
import { loadTaxonomies } from "../taxonomies/taxonomy-queries.ts";
import { sendPage } from "../views/render.ts";
import { cancelEvent } from "./cancel-event.ts";
import { checkEvent } from "./check-event.ts";
import { createEventDraft } from "./create-event-draft.ts";
import { duplicateEvent } from "./duplicate-event.ts";
import { editionForNewEvents } from "./edition-for-new-events.ts";
import { type FormValues, fieldOfPath, formFromEvent, formValuesFromBody, inputFromForm, rowIndexes } from "./event-form-data.ts";
import { parseEventInput } from "./event-values.ts";
import { getManagedEvent, listMyEvents } from "./get-managed-event.ts";
import { listMyOrganisations } from "./list-my-organisations.ts";
import { submitEvent } from "./submit-event.ts";
import { updateEvent } from "./update-event.ts";
import { CancelEventPage } from "./views/CancelEventPage.tsx";
import { EventFormPage, type EventFormProps } from "./views/EventFormPage.tsx";
import { FormMessagePage } from "./views/FormMessagePage.tsx";
import { tr } from "./views/form-kit.tsx";
import { MyEventsPage } from "./views/MyEventsPage.tsx";
import { PreviewBanner } from "./views/PreviewBanner.tsx";

type IdParams = { Params: { id: string } };
const base = "/mein-bereich/veranstaltungen";
const idOf = (request: FastifyRequest<IdParams>) => (/^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : -1);
const verbCtx = (request: FastifyRequest) => ({ db: request.server.database.db, actor: request.actor });
const notices = [
  "saved",
  "submitted",
  "submitBlocked",
  "cancelledDone",
  "windowClosed",
  "windowNotYetOpen",
  "organisationPending",
  "duplicated",
] as const;
const noticeOf = (ctx: PageCtx) => {
  const key = ctx.query.get("hinweis");
  if (!key || !notices.includes(key as (typeof notices)[number])) return undefined;
  return {
    text: tr(ctx, `eventForm.${key}`, { days: ctx.query.get("tage") ?? "" }),
    problem: key === "submitBlocked" || key === "windowClosed" || key === "windowNotYetOpen" || key === "organisationPending",
  };
};

/** A refused action (409) as null; every other error goes on. */
const conflictAsNull = (error: unknown): null => {
  if (error instanceof AppError && error.code === "conflict") return null;
  throw error;
};

/** Verb field errors as form field errors. */
const formErrors = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [fieldOfPath(k), v]));

/** Stores an uploaded image into the values, or returns the reason it was refused. */
async function takeImage(request: FastifyRequest, values: FormValues, image: Buffer | undefined): Promise<string | undefined> {
  if (!image) return undefined;
  try {
    values.imageUrl = (await storeImage(request.server.storage, image)).path;
    return undefined;
  } catch (error) {
    if (error instanceof ImageRejected) return `image${error.reason[0]?.toUpperCase()}${error.reason.slice(1)}`;
    throw error;
  }
}

/** Every field problem of the form at once: the uploaded image's and the input's. */
function allErrors(values: FormValues, imageError: string | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  try {
    parseEventInput(inputFromForm(values));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    Object.assign(errors, formErrors(error.fields));
  }
  return imageError ? { image: imageError, ...errors } : errors;
}

/** One more empty date row, for the "add date" button. */
function withExtraDate(values: FormValues): FormValues {
  const rows = rowIndexes(values, "sessions");
  return { ...values, [`sessions.${rows.length ? Math.max(...rows) + 1 : rows.length}.startDate`]: "" };
}

async function formProps(
  request: FastifyRequest,
  reply: FastifyReply,
  id: number | undefined,
): Promise<Omit<EventFormProps, "values" | "errors">> {
  const ctx = pageCtxOf(request);
  const taxonomies = await loadTaxonomies(request.server.database.db);
  const csrf = csrfToken(request, reply);
  if (id === undefined) {
    const edition = await editionForNewEvents(request.server.database.db);
    const organisations = await listMyOrganisations({ ctx: verbCtx(request) });
    return { ctx, csrf, taxonomies, organisations, editionTitle: ctx.lang === "en" ? edition.titleEn : edition.titleDe };
  }
  const e = await getManagedEvent({ ctx: verbCtx(request), input: { id } });
  const checks = await checkEvent({ ctx: verbCtx(request), input: { id } });
  const { holder, changeRequest } = await standingOf(request.server.database.db, e);
  const event = {
    id,
    status: e.event.status,
    checks,
    window: submissionWindowState(e.edition),
    holder: holderText(ctx, holder, taxonomies.states),
    underReview: e.underReview,
    changeRequest,
  };
  return { ctx, csrf, taxonomies, event, editionTitle: ctx.lang === "en" ? e.edition.titleEn : e.edition.titleDe };
}

/** A refusal as a page in the site's design, with a way back. */
function messagePage(request: FastifyRequest, reply: FastifyReply, status: number, text: (ctx: PageCtx) => string, back = base) {
  const ctx = pageCtxOf(request);
  const backLink = { href: ctx.href(back), label: ctx.t("eventForm.goBack") };
  return sendPage(reply, <FormMessagePage ctx={ctx} title={ctx.t("eventForm.title")} text={text(ctx)} back={backLink} />, status);
}

/** Handles a posted form: "add date" re-renders, anything else saves, then previews or submits. */
async function handlePost(request: FastifyRequest, reply: FastifyReply, id: number | undefined) {
  const { values, image } = formValuesFromBody(request.body);
  const action = values._action ?? "save";
  if (action === "autosave" && id !== undefined) return autosave(request, reply, id, values);
  const imageError = await takeImage(request, values, image);
  const render = async (status: number, errors: Record<string, string>, notice?: EventFormProps["notice"], shown = values) => {
    const props = await formProps(request, reply, id);
    return sendPage(reply, <EventFormPage {...props} values={shown} errors={errors} notice={notice} />, status);
  };
  if (action === "addDate") return render(200, {}, undefined, withExtraDate(values));
  const errors = allErrors(values, imageError);
  if (Object.keys(errors).length) return render(422, errors);
  const ctx = pageCtxOf(request);
  try {
    const saved =
      id === undefined
        ? await createEventDraft({
            ctx: verbCtx(request),
            input: { organisationId: Number(values.organisationId), event: inputFromForm(values) },
          })
        : await updateEvent({ ctx: verbCtx(request), input: { id, version: Number(values.version), event: inputFromForm(values) } });
    const edit = `${base}/${saved.id}`;
    if (action === "preview") return reply.redirect(ctx.href(`${edit}/vorschau`), 303);
    if (action !== "submit") return reply.redirect(ctx.href(edit, { hinweis: "saved" }), 303);
    try {
      const result = await submitEvent({ ctx: verbCtx(request), input: { id: saved.id, version: saved.version } });
      return reply.redirect(ctx.href(edit, { hinweis: result.blocked ? "submitBlocked" : "submitted" }), 303);
    } catch (error) {
      const windowNotice = error instanceof AppError ? error.fields.edition : undefined;
      if (windowNotice === "windowClosed" || windowNotice === "windowNotYetOpen")
        return reply.redirect(ctx.href(edit, { hinweis: windowNotice }), 303);
      if (error instanceof AppError && error.fields.organisation === "pending")
        return reply.redirect(ctx.href(edit, { hinweis: "organisationPending" }), 303);
      throw error;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "validation") return render(422, formErrors(error.fields));
    if (error.code === "conflict" && error.fields.version === "stale")
      return render(409, {}, { text: ctx.t("eventForm.conflict"), problem: true });
    if (error.code === "conflict")
      return messagePage(request, reply, 409, (c) => c.t("eventForm.notEditable"), id ? `${base}/${id}` : base);
    throw error;
  }
}

/** The autosave enhancement (public/event-form.js): saves and answers JSON with the new version. */
async function autosave(request: FastifyRequest, reply: FastifyReply, id: number, values: FormValues) {
  try {
    const saved = await updateEvent({
      ctx: verbCtx(request),
      input: { id, version: Number(values.version), event: inputFromForm(values) },
    });
    return reply.send({ version: saved.version, status: saved.status });
  } catch (error) {
    if (error instanceof AppError && (error.code === "validation" || error.code === "conflict")) {
      return reply
        .status(error.code === "conflict" ? 409 : 422)
        .send({ error: { code: error.code, message: error.message, fields: formErrors(error.fields) } });
    }
    throw error;
  }
}

/** Over-size uploads stop in the multipart parser, before the handler: answer with a page, not JSON. */
function uploadErrorHandler(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  if (error.statusCode !== 413) throw error;
  return messagePage(request, reply, 413, (ctx) => ctx.t("eventForm.tooLarge"), request.url.split("?")[0]);
}

/** The organisers' event pages under /mein-bereich/veranstaltungen (PRODUCT §6). */
export function registerEventFormPages(app: FastifyInstance): void {
  app.get(base, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const items = await listMyEvents({ ctx: verbCtx(request) });
    const edition = await editionForNewEvents(app.database.db);
    const csrf = csrfToken(request, reply);
    const { states } = await loadTaxonomies(app.database.db);
    return sendPage(
      reply,
      <MyEventsPage ctx={ctx} csrf={csrf} items={items} states={states} currentYear={edition.year} notice={noticeOf(ctx)?.text} />,
    );
  });

  app.get(`${base}/neu`, async (request, reply) => {
    const props = await formProps(request, reply, undefined);
    if (!props.organisations?.length) return messagePage(request, reply, 403, (ctx) => ctx.t("eventForm.noOrganisation"), "/mein-bereich");
    // The dashboard links here with ?org=<slug> of the organisation it shows.
    const chosen = props.organisations.find((o) => o.slug === props.ctx.query.get("org")) ?? props.organisations[0];
    const values: FormValues = {
      mode: "onsite",
      isFree: "yes",
      languages: ["de"],
      "venue.country": "DE",
      organisationId: String(chosen?.id),
    };
    return sendPage(reply, <EventFormPage {...props} values={values} errors={{}} />);
  });
  app.post(`${base}/neu`, { errorHandler: uploadErrorHandler }, (request, reply) => handlePost(request, reply, undefined));

  app.get<IdParams>(`${base}/:id`, async (request, reply) => {
    const props = await formProps(request, reply, idOf(request));
    const e = await getManagedEvent({ ctx: verbCtx(request), input: { id: idOf(request) } });
    return sendPage(reply, <EventFormPage {...props} values={formFromEvent(e)} errors={{}} notice={noticeOf(props.ctx)} />);
  });
  app.post<IdParams>(`${base}/:id`, { errorHandler: uploadErrorHandler }, (request, reply) => handlePost(request, reply, idOf(request)));

  app.get<IdParams>(`${base}/:id/vorschau`, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const e = await getManagedEvent({ ctx: verbCtx(request), input: { id: idOf(request) } });
    const taxonomies = await loadTaxonomies(app.database.db);
    reply.header("cache-control", "no-store");
    return sendPage(
      reply,
      <EventPage ctx={ctx} e={e} taxonomies={taxonomies} jsonLd={undefined} preview={<PreviewBanner ctx={ctx} e={e} />} />,
    );
  });

  app.get<IdParams>(`${base}/:id/absagen`, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const e = await getManagedEvent({ ctx: verbCtx(request), input: { id: idOf(request) } });
    if (e.event.status !== "published") return reply.redirect(ctx.href(`${base}/${e.event.id}`), 303);
    return sendPage(reply, <CancelEventPage ctx={ctx} csrf={csrfToken(request, reply)} id={e.event.id} title={e.event.titleDe} />);
  });
  app.post<IdParams>(`${base}/:id/absagen`, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const reason = (request.body as Record<string, unknown> | undefined)?.cancelReason;
    try {
      const result = await cancelEvent({ ctx: verbCtx(request), input: { id: idOf(request), reason } }).catch(conflictAsNull);
      if (!result) return messagePage(request, reply, 409, (c) => c.t("eventForm.cancelOnlyPublished"), `${base}/${idOf(request)}`);
      return reply.redirect(ctx.href(`${base}/${result.id}`, { hinweis: "cancelledDone" }), 303);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "validation")) throw error;
      const e = await getManagedEvent({ ctx: verbCtx(request), input: { id: idOf(request) } });
      const page = (
        <CancelEventPage
          ctx={ctx}
          csrf={csrfToken(request, reply)}
          id={e.event.id}
          title={e.event.titleDe}
          reason={typeof reason === "string" ? reason : ""}
          errors={error.fields}
        />
      );
      return sendPage(reply, page, 422);
    }
  });

  app.post<IdParams>(`${base}/:id/duplizieren`, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const result = await duplicateEvent({ ctx: verbCtx(request), input: { id: idOf(request) } }).catch(conflictAsNull);
    if (!result) return messagePage(request, reply, 409, (c) => c.t("eventForm.duplicateOnlyEarlier"));
    return reply.redirect(ctx.href(`${base}/${result.id}`, { hinweis: "duplicated", tage: String(result.shiftDays) }), 303);
  });
}
