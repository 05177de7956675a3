import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { ButtonForm, ErrorSummary, type FieldErrors, type FormValues, PostForm, TextArea } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { RejectReason } from "../reject-reasons.ts";

export type ReasonsView = { reasons: RejectReason[]; csrf: string; values: FormValues; errors: FieldErrors; notice: string | null };

export const reasonsPath = "/mein-bereich/pruefung/gruende";

/** /mein-bereich/pruefung/gruende: the standard rejection reasons on offer, each retirable, and the form to add one. */
export function ReasonsPage({ base, view }: { base: PageBase; view: ReasonsView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const labels = { textDe: t("moderation.reasons.textDe"), textEn: t("moderation.reasons.textEn") };
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("moderation.reasons.title")} orgs={orgs} org={org} notice={view.notice}>
      <p>{t("moderation.reasons.intro")}</p>
      {view.reasons.length === 0 && <p>{t("moderation.reasons.none")}</p>}
      <ul class="plain reason-list">
        {view.reasons.map((r) => (
          <li key={r.id} class="reason">
            <p lang="de">{r.textDe}</p>
            <p lang="en" class="muted">
              {r.textEn}
            </p>
            <ButtonForm
              action={ctx.href(`${reasonsPath}/${r.id}/ausmustern`)}
              csrf={view.csrf}
              label={t("moderation.reasons.retire")}
              accessibleLabel={`${t("moderation.reasons.retire")}: ${ctx.lang === "en" ? r.textEn : r.textDe}`}
            />
          </li>
        ))}
      </ul>
      <h2 id="reason-add">{t("moderation.reasons.add")}</h2>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(reasonsPath)} csrf={view.csrf} label={t("moderation.reasons.add")}>
        <TextArea
          ctx={ctx}
          name="textDe"
          label={labels.textDe}
          value={view.values.textDe}
          error={view.errors.textDe}
          rows={2}
          lang="de"
          required
        />
        <TextArea
          ctx={ctx}
          name="textEn"
          label={labels.textEn}
          value={view.values.textEn}
          error={view.errors.textEn}
          rows={2}
          lang="en"
          required
        />
        <button type="submit">{t("moderation.reasons.add")}</button>
      </PostForm>
    </OrganiserShell>
  );
}
