import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import type { CoordinatedState } from "../coordination-access.ts";
import { CoordinationShell, Field, type FieldErrors, FormErrors, landName } from "./CoordinationShell.tsx";

export type IntroView = {
  values: { introDe: string; introEn: string };
  errors: FieldErrors;
  csrf: string;
  notice: string | null;
  /** Set after "Vorschau": the typed texts rendered as the public page would, not saved. */
  preview: boolean;
};

/** /mein-bereich/land/:code/seite: the Land page's intro in German and English, with a preview that saves nothing. */
export function StateIntroPage({ base, land, year, view }: { base: PageBase; land: CoordinatedState; year: number; view: IntroView }) {
  const { ctx } = base;
  const { t } = ctx;
  const labels = { introDe: t("coordination.introForm.de"), introEn: t("coordination.introForm.en") };
  return (
    <CoordinationShell
      base={base}
      land={land}
      title={t("coordination.introForm.title", { state: landName(ctx, land) })}
      notice={view.notice}
    >
      <p>{t("coordination.edition", { year })}</p>
      {view.preview && (
        <section aria-labelledby="preview-title" class="intro-preview">
          <h2 id="preview-title">{t("coordination.introForm.previewTitle")}</h2>
          {(["de", "en"] as const).map((lang) => {
            const text = lang === "de" ? view.values.introDe : view.values.introEn;
            return (
              <div key={lang} lang={lang}>
                <h3>{lang === "de" ? labels.introDe : labels.introEn}</h3>
                {text.trim() ? (
                  <div class="prose lead" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
                ) : (
                  <p class="muted">{t("coordination.introForm.previewEmpty")}</p>
                )}
              </div>
            );
          })}
        </section>
      )}
      <FormErrors ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(`/mein-bereich/land/${land.code}/seite`)} csrf={view.csrf}>
        <Field
          ctx={ctx}
          name="introDe"
          label={labels.introDe}
          hint={t("coordination.introForm.hint")}
          value={view.values.introDe}
          error={view.errors.introDe}
          rows={10}
          maxLength={20_000}
          lang="de"
        />
        <Field
          ctx={ctx}
          name="introEn"
          label={labels.introEn}
          value={view.values.introEn}
          error={view.errors.introEn}
          rows={10}
          maxLength={20_000}
          lang="en"
        />
        <button type="submit" name="action" value="preview" class="button-secondary">
          {t("coordination.introForm.preview")}
        </button>{" "}
        <button type="submit" name="action" value="save">
          {t("coordination.introForm.save")}
        </button>
      </PostForm>
    </CoordinationShell>
  );
}
