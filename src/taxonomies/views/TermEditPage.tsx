import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { ErrorSummary, type FieldErrors, type FormValues, PostForm, TextField } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { TermKind, TermRow } from "../term-kinds.ts";
import { termKindPath } from "./TaxonomyPage.tsx";

export type TermEditView = { kind: TermKind; term: TermRow; csrf: string; values: FormValues; errors: FieldErrors };

/** /mein-bereich/taxonomien/:kind/:code: the labels of one term (the code stays). */
export function TermEditPage({ base, view }: { base: PageBase; view: TermEditView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const { term } = view;
  const title = t("taxonomies.editTitle", { name: ctx.lang === "en" ? term.nameEn : term.nameDe });
  const labels = { nameDe: t("taxonomies.nameDe"), nameEn: t("taxonomies.nameEn") };
  const value = (name: "nameDe" | "nameEn") => (name in view.values ? view.values[name] : term[name]);
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={title} orgs={orgs} org={org} notice={null}>
      <p>
        <a href={ctx.href(termKindPath(view.kind))}>{t(`taxonomies.titles.${view.kind}`)}</a>
      </p>
      <p>
        {t("taxonomies.colCode")}: <code>{term.code}</code> · {t("taxonomies.codeStays")}
      </p>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(`${termKindPath(view.kind)}/${term.code}`)} csrf={view.csrf} label={title}>
        <TextField
          ctx={ctx}
          name="nameDe"
          label={labels.nameDe}
          value={value("nameDe")}
          error={view.errors.nameDe}
          maxLength={80}
          required
        />
        <TextField
          ctx={ctx}
          name="nameEn"
          label={labels.nameEn}
          value={value("nameEn")}
          error={view.errors.nameEn}
          maxLength={80}
          required
        />
        <button type="submit">{t("taxonomies.save")}</button>
      </PostForm>
    </OrganiserShell>
  );
}
