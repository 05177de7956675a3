import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { publicPathOf } from "../page-paths.ts";
import { isFixedPage, MAX_PAGE_BODY } from "../pages.schemas.ts";
import { pagesAdminPath } from "./PagesListPage.tsx";

export type PageEditView = {
  /** Absent for a new page. */
  page: { id: number; slug: string; version: number; titleDe: string } | null;
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  notice: string | null;
  /** After "Vorschau": the typed texts rendered as the public page would, not saved. */
  preview: boolean;
  /** Set when a save lost the version check: the version now stored. */
  conflictVersion: number | null;
  editionYears: number[];
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The form of a page (new or existing): titles and Markdown bodies in both languages, preview, save. */
export function PageEditPage({ base, view }: { base: PageBase; view: PageEditView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const existing = view.page;
  const title = existing ? t("pages.editTitle", { title: existing.titleDe }) : t("pages.newTitle");
  const fixed = existing !== null && isFixedPage(existing.slug);
  const labels: Record<string, string> = {
    slug: t("pages.slug"),
    edition: t("pages.edition"),
    titleDe: t("pages.titleDe"),
    titleEn: t("pages.titleEn"),
    bodyDe: t("pages.bodyDe"),
    bodyEn: t("pages.bodyEn"),
    version: t("pages.colVersion"),
  };
  const action = existing ? `${pagesAdminPath}/${existing.id}` : `${pagesAdminPath}/neu`;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={title} orgs={orgs} org={org} notice={view.notice}>
      {existing && (
        <p>
          <a href={ctx.href(publicPathOf(existing.slug))}>{t("pages.publicLink")}</a> ·{" "}
          <a href={ctx.href(`${pagesAdminPath}/${existing.id}/versionen`)}>{t("pages.history")}</a>
        </p>
      )}
      {view.conflictVersion !== null && (
        <p class="notice notice-error" role="alert">
          {t("pages.conflict", { version: view.conflictVersion })}
        </p>
      )}
      {view.preview && (
        <section aria-labelledby="preview-title" class="page-preview">
          <h2 id="preview-title">{t("pages.previewTitle")}</h2>
          {(["de", "en"] as const).map((lang) => {
            const heading = str(lang === "de" ? view.values.titleDe : view.values.titleEn);
            const body = str(lang === "de" ? view.values.bodyDe : view.values.bodyEn);
            return (
              <div key={lang} lang={lang} class="preview-lang">
                <h3>{heading || t("pages.previewEmpty")}</h3>
                {body.trim() ? (
                  <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
                ) : (
                  <p class="muted">{t("pages.previewEmpty")}</p>
                )}
              </div>
            );
          })}
        </section>
      )}
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(action)} csrf={view.csrf} label={title}>
        {existing ? (
          <input type="hidden" name="version" value={String(view.conflictVersion ?? existing.version)} />
        ) : (
          <>
            <TextField
              ctx={ctx}
              name="slug"
              label={labels.slug ?? ""}
              hint={t("pages.slugHint")}
              value={view.values.slug}
              error={view.errors.slug}
              maxLength={80}
              required
            />
            <SelectField
              ctx={ctx}
              name="edition"
              label={labels.edition ?? ""}
              value={view.values.edition}
              error={view.errors.edition}
              options={[
                { value: "", label: t("pages.editionGlobal") },
                ...view.editionYears.map((y) => ({ value: String(y), label: String(y) })),
              ]}
              required
            />
          </>
        )}
        <TextField
          ctx={ctx}
          name="titleDe"
          label={labels.titleDe ?? ""}
          value={view.values.titleDe}
          error={view.errors.titleDe}
          maxLength={200}
          required
        />
        <TextField
          ctx={ctx}
          name="titleEn"
          label={labels.titleEn ?? ""}
          value={view.values.titleEn}
          error={view.errors.titleEn}
          maxLength={200}
          required
        />
        <TextArea
          ctx={ctx}
          name="bodyDe"
          label={labels.bodyDe ?? ""}
          hint={t("pages.bodyHint")}
          value={view.values.bodyDe}
          error={view.errors.bodyDe}
          rows={14}
          maxLength={MAX_PAGE_BODY}
          lang="de"
        />
        <TextArea
          ctx={ctx}
          name="bodyEn"
          label={labels.bodyEn ?? ""}
          value={view.values.bodyEn}
          error={view.errors.bodyEn}
          rows={14}
          maxLength={MAX_PAGE_BODY}
          lang="en"
        />
        {fixed ? (
          <p class="muted">{t("pages.fixedAlwaysPublic")}</p>
        ) : (
          <CheckboxGroup
            ctx={ctx}
            name="published"
            label={t("pages.colStatus")}
            values={view.values.published === true || view.values.published === "on" ? ["on"] : []}
            options={[{ value: "on", label: t("pages.published") }]}
            error={view.errors.published}
          />
        )}
        <button type="submit" name="action" value="preview" class="button-secondary">
          {t("pages.preview")}
        </button>{" "}
        <button type="submit" name="action" value="save">
          {existing ? t("pages.save") : t("pages.create")}
        </button>
      </PostForm>
    </OrganiserShell>
  );
}
