import type { Actor } from "../../lib/actor.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { MyOrganisation } from "../../organiser/load-dashboard.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { formFieldClasses, HintAndError } from "../../views/form/FieldFrame.tsx";
import { Select } from "../../views/form/inputs.tsx";
import type { ImportFormData } from "../load-import-form.ts";

export type ImportPageProps = {
  ctx: PageCtx;
  actor: Actor;
  orgs: MyOrganisation[];
  org: MyOrganisation | undefined;
  csrf: string;
  form: ImportFormData;
  values: { organisationId?: string; year?: string; importAs?: string };
  /** Field → translated message (the file, the edition). */
  errors: Record<string, string>;
};

/** The import page: templates to download and the upload form (multipart, works without JavaScript). */
export function ImportPage({ ctx, actor, orgs, org, csrf, form, values, errors }: ImportPageProps) {
  const { t } = ctx;
  const chosenOrg =
    values.organisationId ?? String(form.organisations.find((o) => o.id === org?.id)?.id ?? form.organisations[0]?.id ?? "");
  const labels: Record<string, string> = { file: t("imports.file"), year: t("imports.edition"), organisationId: t("imports.organisation") };
  const entries = Object.entries(errors).map(([field, message]) => ({ field, label: labels[field], message }));
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("imports.title")} orgs={orgs} org={org}>
      <ErrorSummary title={t("imports.errorSummary")} entries={entries} />
      <p>{t("imports.intro")}</p>
      <section aria-labelledby="template-title">
        <h2 id="template-title">{t("imports.templateHeading")}</h2>
        <ul>
          <li>
            <a href={ctx.href("/mein-bereich/import/vorlage.xlsx")} download>
              {t("imports.templateXlsx")}
            </a>
          </li>
          <li>
            <a href={ctx.href("/mein-bereich/import/vorlage.csv")} download>
              {t("imports.templateCsv")}
            </a>
          </li>
        </ul>
        <p class="form-hint">{t("imports.templateHint")}</p>
      </section>
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{t("imports.uploadHeading")}</h2>
        {form.organisations.length === 0 ? (
          <p>{t("imports.noOrganisation")}</p>
        ) : (
          <form method="post" action={ctx.href("/mein-bereich/import")} enctype="multipart/form-data" class="organiser-form" noValidate>
            <CsrfField token={csrf} />
            <div class={errors.organisationId ? formFieldClasses.invalid : formFieldClasses.field}>
              <label for="field-organisationId">{t("imports.organisation")}</label>
              <Select
                id="field-organisationId"
                name="organisationId"
                value={chosenOrg}
                required
                error={errors.organisationId}
                options={form.organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.stateCode})` }))}
              />
              <HintAndError id="field-organisationId" error={errors.organisationId} classes={formFieldClasses} />
            </div>
            <div class={errors.year ? formFieldClasses.invalid : formFieldClasses.field}>
              <label for="field-year">{t("imports.edition")}</label>
              <Select
                id="field-year"
                name="year"
                value={values.year ?? String(form.defaultYear ?? "")}
                required
                error={errors.year}
                options={form.years.map((y) => ({ value: String(y), label: String(y) }))}
              />
              <HintAndError id="field-year" error={errors.year} classes={formFieldClasses} />
            </div>
            <fieldset class={formFieldClasses.field}>
              <legend>{t("imports.importAs")}</legend>
              {(["submitted", "draft"] as const).map((value) => (
                <label key={value} class="choice">
                  <input type="radio" name="importAs" value={value} checked={(values.importAs ?? "submitted") === value} />{" "}
                  {t(value === "submitted" ? "imports.asSubmitted" : "imports.asDraft")}
                </label>
              ))}
            </fieldset>
            <div class={errors.file ? formFieldClasses.invalid : formFieldClasses.field}>
              <label for="field-file">{t("imports.file")}</label>
              <HintAndError id="field-file" error={errors.file} classes={formFieldClasses} />
              <input
                id="field-file"
                type="file"
                name="file"
                required
                accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={errors.file ? "true" : undefined}
                aria-describedby={errors.file ? "field-file-error" : undefined}
              />
            </div>
            <button type="submit">{t("imports.upload")}</button>
          </form>
        )}
      </section>
    </OrganiserShell>
  );
}
