import type { PageCtx } from "../../lib/page-context.ts";
import { offeredTerms, type Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { Organisation } from "../organisation-access.ts";
import { organisationKinds, organisationLabels } from "../organiser.schemas.ts";
import type { PageBase } from "../organiser-page-kit.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  errorText,
  type FieldErrors,
  type FormValues,
  listOf,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from "./FormParts.tsx";
import { OrganiserShell } from "./OrganiserShell.tsx";

export type OrgFormView = { values: FormValues; errors: FieldErrors; csrf: string; taxonomies: Taxonomies };

/** The form values of a stored organisation. */
export const valuesOfOrganisation = (o: Organisation): FormValues => ({ ...o });

const fieldNames = [
  "name",
  "shortName",
  "kind",
  "stateCode",
  "city",
  "website",
  "descriptionDe",
  "descriptionEn",
  "topics",
  "labels",
  "contactName",
  "contactEmail",
  "contactPhone",
  "logo",
] as const;

function labelsOf(ctx: PageCtx): Record<string, string> {
  return Object.fromEntries(fieldNames.map((f) => [f, ctx.t(`organiser.fields.${f}`)]));
}

/** The organisation fields of PRODUCT §3, shared by the request form and the profile. */
function OrganisationFields({ ctx, view }: { ctx: PageCtx; view: OrgFormView }) {
  const { t, lang } = ctx;
  const v = view.values;
  const e = view.errors;
  const name = (term: { nameDe: string; nameEn: string }) => (lang === "en" ? term.nameEn : term.nameDe);
  return (
    <>
      <TextField
        ctx={ctx}
        name="name"
        label={t("organiser.fields.name")}
        value={v.name}
        error={e.name}
        required
        maxLength={200}
        autocomplete="organization"
      />
      <TextField
        ctx={ctx}
        name="shortName"
        label={t("organiser.fields.shortName")}
        value={v.shortName}
        error={e.shortName}
        maxLength={60}
      />
      <SelectField
        ctx={ctx}
        name="kind"
        label={t("organiser.fields.kind")}
        value={v.kind ?? "cluster_initiative"}
        error={e.kind}
        required
        options={organisationKinds.map((k) => ({ value: k, label: t(`organiser.kinds.${k}`) }))}
      />
      <SelectField
        ctx={ctx}
        name="stateCode"
        label={t("organiser.fields.stateCode")}
        value={v.stateCode}
        error={e.stateCode}
        required
        placeholder={t("organiser.fields.choose")}
        options={view.taxonomies.states.filter((s) => s.kind === "land").map((s) => ({ value: s.code, label: name(s) }))}
      />
      <TextField ctx={ctx} name="city" label={t("organiser.fields.city")} value={v.city} error={e.city} required maxLength={120} />
      <TextField
        ctx={ctx}
        name="website"
        type="url"
        label={t("organiser.fields.website")}
        value={v.website}
        error={e.website}
        maxLength={500}
      />
      <TextArea
        ctx={ctx}
        name="descriptionDe"
        label={t("organiser.fields.descriptionDe")}
        value={v.descriptionDe}
        error={e.descriptionDe}
        maxLength={5000}
        lang="de"
      />
      <TextArea
        ctx={ctx}
        name="descriptionEn"
        label={t("organiser.fields.descriptionEn")}
        value={v.descriptionEn}
        error={e.descriptionEn}
        maxLength={5000}
        lang="en"
      />
      <CheckboxGroup
        ctx={ctx}
        name="topics"
        label={t("organiser.fields.topics")}
        hint={t("organiser.profile.topicsHint")}
        values={listOf(v.topics)}
        error={e.topics}
        options={offeredTerms(view.taxonomies.allTopics, listOf(v.topics)).map((x) => ({
          value: x.code,
          label: x.active ? name(x) : `${name(x)} (${t("taxonomies.retiredMark")})`,
        }))}
      />
      <CheckboxGroup
        ctx={ctx}
        name="labels"
        label={t("organiser.fields.labels")}
        values={listOf(v.labels)}
        error={e.labels}
        options={organisationLabels.map((l) => ({ value: l, label: l }))}
      />
      <fieldset class="form-group">
        <legend>{t("organiser.fields.contact")}</legend>
        <TextField
          ctx={ctx}
          name="contactName"
          label={t("organiser.fields.contactName")}
          value={v.contactName}
          error={e.contactName}
          autocomplete="name"
        />
        <TextField
          ctx={ctx}
          name="contactEmail"
          type="email"
          label={t("organiser.fields.contactEmail")}
          value={v.contactEmail}
          error={e.contactEmail}
          autocomplete="email"
        />
        <TextField
          ctx={ctx}
          name="contactPhone"
          type="tel"
          label={t("organiser.fields.contactPhone")}
          value={v.contactPhone}
          error={e.contactPhone}
          autocomplete="tel"
        />
      </fieldset>
    </>
  );
}

/** /mein-bereich/organisation/neu: ask for a new organisation. */
export function RequestOrganisationPage({ base, view }: { base: PageBase; view: OrgFormView }) {
  const { ctx, actor, orgs } = base;
  const { t } = ctx;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.request.title")} orgs={orgs}>
      <p>{t("organiser.request.intro")}</p>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labelsOf(ctx)} />
      <PostForm action={ctx.href("/mein-bereich/organisation/neu")} csrf={view.csrf}>
        <OrganisationFields ctx={ctx} view={view} />
        <button type="submit">{t("organiser.request.submit")}</button>
      </PostForm>
    </OrganiserShell>
  );
}

/** /mein-bereich/organisation: the profile form, the logo and a link to the public page. */
export function ProfilePage({
  base,
  view,
  org,
  notice,
}: {
  base: PageBase & { org: NonNullable<PageBase["org"]> };
  view: OrgFormView;
  org: Organisation;
  notice: string | null;
}) {
  const { ctx, actor, orgs } = base;
  const { t } = ctx;
  const q = { org: org.slug };
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.profile.title")} orgs={orgs} org={base.org} notice={notice}>
      <p>
        {org.status === "active" ? (
          <a href={ctx.href(`/organisationen/${org.slug}`)}>{t("organiser.profile.publicLink")}</a>
        ) : (
          t("organiser.profile.notPublic")
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labelsOf(ctx)} />
      <PostForm action={ctx.href("/mein-bereich/organisation", q)} csrf={view.csrf}>
        <OrganisationFields ctx={ctx} view={view} />
        <button type="submit">{t("organiser.save")}</button>
      </PostForm>
      <section aria-labelledby="logo-title" class="logo-section">
        <h2 id="logo-title">{t("organiser.fields.logo")}</h2>
        {org.logoUrl && (
          <figure>
            <img src={org.logoUrl} alt={t("organiser.profile.logoCurrent")} class="org-logo" />
          </figure>
        )}
        <form method="post" action={ctx.href("/mein-bereich/organisation/logo", q)} enctype="multipart/form-data" class="organiser-form">
          <CsrfField token={view.csrf} />
          <div class={view.errors.logo ? "form-field form-field-error" : "form-field"}>
            <label for="field-logo">{t("organiser.profile.logoUpload")}</label>
            <p class="form-hint" id="field-logo-hint">
              {t("organiser.profile.logoHint")}
            </p>
            {view.errors.logo && (
              <p class="form-error" id="field-logo-error">
                {errorText(ctx, view.errors.logo)}
              </p>
            )}
            <input
              id="field-logo"
              type="file"
              name="logo"
              accept="image/png,image/jpeg,image/webp"
              aria-invalid={view.errors.logo ? "true" : undefined}
              aria-describedby={view.errors.logo ? "field-logo-hint field-logo-error" : "field-logo-hint"}
            />
          </div>
          <button type="submit">{t("organiser.profile.logoUpload")}</button>
        </form>
      </section>
    </OrganiserShell>
  );
}
