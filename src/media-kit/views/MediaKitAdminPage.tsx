import type { Edition } from "../../editions/edition-queries.ts";
import { pick } from "../../lib/language.ts";
import { formatFileSize } from "../../news/news-format.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import {
  ButtonForm,
  ErrorSummary,
  errorText,
  type FieldErrors,
  type FormValues,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import type { MediaKit } from "../media-kit-queries.ts";
import { formatLabel, mediaKitPath, pixelText } from "./MediaKitPage.tsx";

export const kitAdminPath = "/mein-bereich/medienpaket";
export const kitAdminYearPath = (year: number) => `${kitAdminPath}/${year}`;

export type KitAdminView = {
  kit: MediaKit;
  editions: Edition[];
  csrf: string;
  /** What was typed into the form that failed, and its errors (upload or usage notes). */
  values: FormValues;
  errors: FieldErrors;
  notice: string | null;
};

/** /mein-bereich/medienpaket/:year: the kit's files (remove), upload, generated social image, usage notes. */
export function MediaKitAdminPage({ base, view }: { base: PageBase; view: KitAdminView }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const { kit } = view;
  const year = kit.edition.year;
  const path = kitAdminYearPath(year);
  const readOnly = kit.edition.status === "archived";
  const labels = {
    kind: t("mediaKit.admin.kind"),
    titleDe: t("mediaKit.admin.titleDe"),
    titleEn: t("mediaKit.admin.titleEn"),
    file: t("mediaKit.admin.file"),
    usageDe: t("mediaKit.admin.usageDe"),
    usageEn: t("mediaKit.admin.usageEn"),
  };
  const usageValue = (name: "usageDe" | "usageEn") => (name in view.values ? view.values[name] : kit[name]);
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("mediaKit.admin.title", { year })} orgs={orgs} org={org} notice={view.notice}>
      <form method="get" action={ctx.href(kitAdminPath)} class="inline-form">
        {lang === "en" && <input type="hidden" name="lang" value="en" />}
        <label for="kit-edition">{t("mediaKit.admin.edition")}</label>{" "}
        <select id="kit-edition" name="ausgabe">
          {view.editions.map((e) => (
            <option key={e.year} value={String(e.year)} selected={e.year === year}>
              {e.year}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("mediaKit.admin.show")}</button>
      </form>
      <p>{t("mediaKit.admin.intro")}</p>
      <p>
        <a href={ctx.href(mediaKitPath)}>{t("mediaKit.admin.publicLink")}</a>
      </p>
      {readOnly && <p class="notice">{t("mediaKit.admin.archived")}</p>}
      <h2>{t("mediaKit.admin.files")}</h2>
      {kit.files.length === 0 ? (
        <p>{t("mediaKit.none")}</p>
      ) : (
        <ul class="plain media-kit-admin-list">
          {kit.files.map((f) => (
            <li key={f.id} class="media-kit-file" data-id={f.id}>
              <img src={f.previewPath} alt="" width={96} loading="lazy" /> <a href={f.path}>{pick(lang, f.titleDe, f.titleEn)}</a> ·{" "}
              {t(`mediaKit.admin.kinds.${f.kind}`)} · {formatLabel(f)} · {pixelText(ctx, f)} · {formatFileSize(lang, f.bytes)}
              {f.generated && <> · {t("mediaKit.admin.generated")}</>}
              {!readOnly && (
                <ButtonForm
                  action={ctx.href(`${path}/dateien/${f.id}/entfernen`)}
                  csrf={view.csrf}
                  label={t("mediaKit.admin.remove")}
                  accessibleLabel={`${t("mediaKit.admin.remove")}: ${pick(lang, f.titleDe, f.titleEn)}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <h2 id="kit-upload">{t("mediaKit.admin.upload")}</h2>
          <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
          <PostForm action={ctx.href(`${path}/dateien`)} csrf={view.csrf} label={t("mediaKit.admin.upload")} enctype="multipart/form-data">
            <SelectField
              ctx={ctx}
              name="kind"
              label={labels.kind}
              value={view.values.kind ?? "logo"}
              error={view.errors.kind}
              options={(["logo", "social"] as const).map((k) => ({ value: k, label: t(`mediaKit.admin.kinds.${k}`) }))}
              required
            />
            <TextField
              ctx={ctx}
              name="titleDe"
              label={labels.titleDe}
              value={view.values.titleDe}
              error={view.errors.titleDe}
              maxLength={120}
              required
            />
            <TextField
              ctx={ctx}
              name="titleEn"
              label={labels.titleEn}
              value={view.values.titleEn}
              error={view.errors.titleEn}
              maxLength={120}
            />
            <FieldFrame id="field-file" label={labels.file} error={view.errors.file ? errorText(ctx, view.errors.file) : undefined}>
              <input
                id="field-file"
                type="file"
                name="file"
                accept="image/png,image/jpeg,application/pdf"
                required
                aria-invalid={view.errors.file ? "true" : undefined}
                aria-describedby={view.errors.file ? "field-file-error" : undefined}
              />
            </FieldFrame>
            <button type="submit">{t("mediaKit.admin.upload")}</button>
          </PostForm>
          <h2 id="kit-generate">{t("mediaKit.admin.generate")}</h2>
          <p>{t("mediaKit.admin.generateHint")}</p>
          <PostForm action={ctx.href(`${path}/erzeugen`)} csrf={view.csrf} label={t("mediaKit.admin.generate")}>
            <SelectField
              ctx={ctx}
              name="lang"
              label={t("mediaKit.admin.generateLang")}
              value={lang}
              options={(["de", "en"] as const).map((l) => ({ value: l, label: t(`mediaKit.language.${l}`) }))}
              required
            />
            <button type="submit">{t("mediaKit.admin.generate")}</button>
          </PostForm>
          <h2 id="kit-usage">{t("mediaKit.usage")}</h2>
          <PostForm action={ctx.href(`${path}/hinweise`)} csrf={view.csrf} label={t("mediaKit.usage")}>
            <TextArea
              ctx={ctx}
              name="usageDe"
              label={labels.usageDe}
              value={usageValue("usageDe")}
              error={view.errors.usageDe}
              rows={5}
              maxLength={3000}
              lang="de"
            />
            <TextArea
              ctx={ctx}
              name="usageEn"
              label={labels.usageEn}
              value={usageValue("usageEn")}
              error={view.errors.usageEn}
              rows={5}
              maxLength={3000}
              lang="en"
            />
            <button type="submit">{t("mediaKit.admin.saveUsage")}</button>
          </PostForm>
        </>
      )}
    </OrganiserShell>
  );
}
