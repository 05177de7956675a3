import { formatDay } from "../../lib/format-date.ts";
import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { ErrorSummary, type FieldErrors, PostForm, SelectField, TextArea, TextField } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { FormValues } from "../edition-form-values.ts";
import type { Edition } from "../edition-queries.ts";
import type { ProgrammeChoice } from "../load-edition-page.ts";
import { ContactRows, PatronRows, rowLabels } from "./EditionRows.tsx";
import { EditionStatusForms } from "./EditionStatusForms.tsx";
import { editionsPath } from "./edition-paths.ts";

export type EditionFormView = {
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  notice: string | null;
  /** A refusal that is not about one field (someone else saved first, a status change not possible). */
  problem: string | null;
  /** After "preview": the typed greetings rendered as the home page will, not saved. */
  preview: boolean;
  choices: ProgrammeChoice[];
};

const str = (v: unknown) => (typeof v === "string" ? v : "");
const fieldNames = [
  "year",
  "titleDe",
  "titleEn",
  "mottoDe",
  "mottoEn",
  "hashtag",
  "startsOn",
  "endsOn",
  "submissionOpensOn",
  "submissionClosesOn",
  "moderation",
  "reviewTargetDays",
  "greetingDe",
  "greetingEn",
  "openingEventId",
  "closingEventId",
] as const;

/** /mein-bereich/ausgaben/neu and /mein-bereich/ausgaben/:year: every field of an edition, German first. */
export function EditionFormPage({ base, edition, view }: { base: PageBase; edition: Edition | null; view: EditionFormView }) {
  const { ctx, actor, orgs } = base;
  const { t } = ctx;
  const v = view.values;
  const e = view.errors;
  const labels: Record<string, string> = { ...rowLabels(ctx, v, e) };
  for (const name of fieldNames) labels[name] = t(`editions.fields.${name}`);
  const action = ctx.href(edition ? `${editionsPath}/${edition.year}` : `${editionsPath}/neu`);
  const title = edition ? t("editions.editTitle", { year: edition.year }) : t("editions.createTitle");
  const text = (
    name: (typeof fieldNames)[number],
    extra: { required?: boolean; maxLength?: number; type?: "date"; hint?: string } = {},
  ) => <TextField ctx={ctx} name={name} label={labels[name] ?? name} value={v[name]} error={e[name]} {...extra} />;
  const events = [{ value: "", label: t("editions.fields.noEvent") }].concat(
    view.choices.map((c) => ({ value: String(c.id), label: `${c.title} (${formatDay(ctx.lang, c.startsAt)})` })),
  );
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={title} orgs={orgs} notice={view.notice}>
      <p>
        <a href={ctx.href(editionsPath)}>{t("editions.listTitle")}</a>
      </p>
      {view.problem && (
        <p class="form-error" role="alert">
          {view.problem}
        </p>
      )}
      {edition && <EditionStatusForms ctx={ctx} edition={edition} csrf={view.csrf} />}
      {view.preview && (
        <section aria-labelledby="preview-title" class="intro-preview">
          <h2 id="preview-title">{t("editions.previewTitle")}</h2>
          {(["de", "en"] as const).map((lang) => {
            const md = str(lang === "de" ? v.greetingDe : v.greetingEn);
            return (
              <div key={lang} lang={lang}>
                <h3>{lang === "de" ? labels.greetingDe : labels.greetingEn}</h3>
                {md.trim() ? (
                  <div class="prose lead" dangerouslySetInnerHTML={{ __html: renderMarkdown(md) }} />
                ) : (
                  <p class="muted">{t("editions.previewEmpty")}</p>
                )}
              </div>
            );
          })}
        </section>
      )}
      <ErrorSummary ctx={ctx} errors={e} labels={labels} />
      <PostForm action={action} csrf={view.csrf} enctype="multipart/form-data" label={title}>
        {edition && <input type="hidden" name="version" value={str(v.version)} />}
        <h2>{t("editions.sections.basics")}</h2>
        {!edition && text("year", { required: true, maxLength: 4 })}
        {text("titleDe", { required: true, maxLength: 200 })}
        {text("titleEn", { required: true, maxLength: 200 })}
        {text("mottoDe", { maxLength: 300 })}
        {text("mottoEn", { maxLength: 300 })}
        {text("hashtag", { maxLength: 51, hint: t("editions.fields.hashtagHint") })}
        <h2>{t("editions.sections.dates")}</h2>
        {text("startsOn", { required: true, type: "date" })}
        {text("endsOn", { required: true, type: "date" })}
        {text("submissionOpensOn", { type: "date", hint: t("editions.fields.windowHint") })}
        {text("submissionClosesOn", { type: "date" })}
        <h2>{t("editions.sections.review")}</h2>
        <SelectField
          ctx={ctx}
          name="moderation"
          label={labels.moderation ?? ""}
          value={v.moderation}
          error={e.moderation}
          required
          options={[
            { value: "one_tier", label: t("editions.fields.oneTier") },
            { value: "two_tier", label: t("editions.fields.twoTier") },
          ]}
        />
        {text("reviewTargetDays", { required: true, maxLength: 2, hint: t("editions.fields.reviewTargetHint") })}
        <h2>{t("editions.sections.greeting")}</h2>
        <TextArea
          ctx={ctx}
          name="greetingDe"
          label={labels.greetingDe ?? ""}
          hint={t("editions.fields.greetingHint")}
          value={v.greetingDe}
          error={e.greetingDe}
          rows={10}
          maxLength={20_000}
          lang="de"
        />
        <TextArea
          ctx={ctx}
          name="greetingEn"
          label={labels.greetingEn ?? ""}
          value={v.greetingEn}
          error={e.greetingEn}
          rows={10}
          maxLength={20_000}
          lang="en"
        />
        <button type="submit" name="intent" value="preview" class="button-secondary">
          {t("editions.preview")}
        </button>
        <h2>{t("editions.sections.patrons")}</h2>
        <PatronRows ctx={ctx} values={v} errors={e} />
        <h2>{t("editions.sections.contacts")}</h2>
        <ContactRows ctx={ctx} values={v} errors={e} />
        {edition && (
          <>
            <h2>{t("editions.sections.programme")}</h2>
            <p class="form-hint">{t("editions.fields.programmeHint")}</p>
            <SelectField
              ctx={ctx}
              name="openingEventId"
              label={labels.openingEventId ?? ""}
              value={v.openingEventId}
              error={e.openingEventId}
              options={events}
            />
            <SelectField
              ctx={ctx}
              name="closingEventId"
              label={labels.closingEventId ?? ""}
              value={v.closingEventId}
              error={e.closingEventId}
              options={events}
            />
          </>
        )}
        <button type="submit" name="intent" value="save">
          {edition ? t("editions.save") : t("editions.createButton")}
        </button>
      </PostForm>
    </OrganiserShell>
  );
}
