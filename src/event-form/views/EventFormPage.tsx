import type { EventCheck } from "../../db/schema/index.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { ReviewerMessage } from "../../moderation/organiser-standing.ts";
import { ChangeRequestMessage } from "../../moderation/views/OrganiserStanding.tsx";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { assetUrl } from "../../views/assets.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary as KitErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { Layout } from "../../views/Layout.tsx";
import type { FormValues } from "../event-form-data.ts";
import {
  AccessibilitySection,
  BasicsSection,
  ContactSection,
  CostSection,
  DatesSection,
  FormatSection,
  ImageSection,
  LinksSection,
  OnlineSection,
  PartnersSection,
  TopicsSection,
  VenueSection,
} from "./EventFormSections.tsx";
import { errorText, type FormState, fieldId, tr } from "./form-kit.tsx";

export type EventFormProps = {
  ctx: PageCtx;
  csrf: string;
  values: FormValues;
  errors: Record<string, string>;
  taxonomies: Taxonomies;
  editionTitle: string;
  /** The new-event form offers the actor's organisations; the edit form knows its event. */
  organisations?: { id: number; slug: string; name: string }[];
  event?: {
    id: number;
    status: string;
    checks: EventCheck[];
    window: "notYetOpen" | "open" | "closed";
    /** Who has it now ("Liegt bei: …"; empty when nobody has to act). */
    holder: string;
    /** A published event whose changes wait for review: the public still sees the published version. */
    underReview?: boolean;
    /** While changes are requested: the reviewer's message, whose fields the form marks. */
    changeRequest?: ReviewerMessage | undefined;
  };
  /** A message above the form (saved, submitted, conflict …) and whether it is a problem. */
  notice?: { text: string; problem?: boolean };
};

/** The field label an error summary entry names. */
function labelOf(ctx: PageCtx, name: string): string {
  const session = /^sessions\.(\d+)\.(\w+)$/.exec(name);
  if (session) return `${tr(ctx, "eventForm.fields.session", { n: Number(session[1]) + 1 })}: ${tr(ctx, `eventForm.fields.${session[2]}`)}`;
  const link = /^links\.(\d+)\.(label|url)$/.exec(name);
  if (link) return tr(ctx, `eventForm.fields.${link[2] === "label" ? "linkLabel" : "linkUrl"}`, { n: Number(link[1]) + 1 });
  if (name === "sessions") return tr(ctx, "eventForm.sections.dates");
  if (name === "venue.name") return tr(ctx, "eventForm.fields.venueName");
  if (name === "accessibility.notes") return tr(ctx, "eventForm.fields.accessibilityNotes");
  const key = name.replace(/^venue\./, "");
  const text = tr(ctx, `eventForm.fields.${key}`);
  return text.startsWith("eventForm.") ? name : text;
}

export function ErrorSummary({ ctx, errors }: { ctx: PageCtx; errors: Record<string, string> }) {
  const entries = Object.entries(errors).map(([field, code]) => ({ field, label: labelOf(ctx, field), message: errorText(ctx, code) }));
  return (
    <KitErrorSummary
      title={ctx.t("eventForm.errorSummary", { count: entries.length })}
      entries={entries}
      targetId={fieldId}
      class="error-summary"
      id="error-summary"
      autofocus
    />
  );
}

export function ChecksList({ ctx, checks }: { ctx: PageCtx; checks: EventCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <section class="checks" aria-labelledby="checks-title">
      <h2 id="checks-title">{ctx.t("eventForm.checks.heading")}</h2>
      <p>{ctx.t("eventForm.checks.intro")}</p>
      <ul>
        {checks.map((c) => (
          <li key={`${c.code}-${JSON.stringify(c.params)}`} class={`check check-${c.severity}`}>
            <strong>{tr(ctx, `eventForm.checks.${c.severity}`)}:</strong> {tr(ctx, `eventForm.checks.${c.code}`, c.params)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The event form in sections; works without JavaScript, event-form.js adds autosave on the edit form. */
export function EventFormPage(props: EventFormProps) {
  const { ctx, event } = props;
  const { t } = ctx;
  const s: FormState = { ctx, values: props.values, errors: props.errors, marked: new Set(event?.changeRequest?.fields ?? []) };
  const title = event ? t("eventForm.title") : t("eventForm.newTitle");
  const action = event ? `/mein-bereich/veranstaltungen/${event.id}` : "/mein-bereich/veranstaltungen/neu";
  const editable = !event || !["cancelled", "rejected"].includes(event.status);
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <p class="breadcrumb">
        <a href={ctx.href("/mein-bereich/veranstaltungen")}>{t("eventForm.backToList")}</a> ·{" "}
        <a href={ctx.href("/mein-bereich")}>{t("eventForm.dashboard")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("eventForm.edition", { title: props.editionTitle })}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice && (
        <div class={props.notice.problem ? "notice notice-problem" : "notice"} role="status">
          <p>{props.notice.text}</p>
        </div>
      )}
      {event && (
        <div class="status-box">
          <p>
            <strong>{t("eventForm.status.label")}:</strong> {tr(ctx, `eventForm.status.${event.status}`)}
          </p>
          {event.holder && <p class="holder">{event.holder}</p>}
          {event.underReview && <p class="under-review">{t("moderation.organiser.underReview")}</p>}
          <p>{tr(ctx, `eventForm.statusHelp.${event.status}`)}</p>
          {event.window !== "open" && ["draft", "changes_requested"].includes(event.status) && (
            <p>{event.window === "closed" ? t("eventForm.windowClosed") : t("eventForm.windowNotYetOpen")}</p>
          )}
        </div>
      )}
      {event?.changeRequest && <ChangeRequestMessage ctx={ctx} request={event.changeRequest} />}
      {event && <ChecksList ctx={ctx} checks={event.checks} />}
      {editable && (
        <form
          method="post"
          action={ctx.href(action)}
          enctype="multipart/form-data"
          novalidate
          class="event-form"
          data-autosave={event ? "on" : undefined}
        >
          <CsrfField token={props.csrf} />
          {/* Enter in a text field presses the first submit button: make that "save", not "add date". */}
          <button type="submit" name="_action" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
            {t("eventForm.actions.save")}
          </button>
          {event && <input type="hidden" name="version" value={String(props.values.version ?? "")} />}
          {props.organisations && (
            <div class="field">
              <label for="f-organisationId">{t("eventForm.organisation")}</label>
              <select id="f-organisationId" name="organisationId">
                {props.organisations.map((o) => (
                  <option key={o.id} value={String(o.id)} selected={String(o.id) === props.values.organisationId}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <BasicsSection s={s} />
          <FormatSection s={s} taxonomies={props.taxonomies} />
          <DatesSection s={s} />
          <VenueSection s={s} taxonomies={props.taxonomies} />
          <OnlineSection s={s} />
          <TopicsSection s={s} taxonomies={props.taxonomies} />
          <PartnersSection s={s} />
          <CostSection s={s} />
          <AccessibilitySection s={s} />
          <ContactSection s={s} />
          <ImageSection s={s} />
          <LinksSection s={s} />
          <div class="form-actions">
            <button type="submit" name="_action" value="save" class="button">
              {event && event.status !== "draft" ? t("eventForm.actions.saveChanges") : t("eventForm.actions.save")}
            </button>
            <button type="submit" name="_action" value="preview" class="button button-secondary">
              {t("eventForm.actions.preview")}
            </button>
            {(!event || ["draft", "changes_requested", "submitted"].includes(event.status)) && (
              <button type="submit" name="_action" value="submit" class="button button-secondary">
                {t("eventForm.actions.submit")}
              </button>
            )}
          </div>
          <p class="autosave-status" aria-live="polite" />
        </form>
      )}
      {event && event.status === "published" && (
        <p>
          <a class="button button-danger" href={ctx.href(`/mein-bereich/veranstaltungen/${event.id}/absagen`)}>
            {t("eventForm.actions.cancelEvent")}
          </a>
        </p>
      )}
      {event && !editable && (
        <p>
          <a href={ctx.href(`/mein-bereich/veranstaltungen/${event.id}/vorschau`)}>{t("eventForm.actions.preview")}</a>
        </p>
      )}
      <script type="module" src={assetUrl("event-form.js")} />
    </Layout>
  );
}
