import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { ErrorSummary, type FieldErrors, type FormValues, PostForm } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { TermKind, TermRow } from "../term-kinds.ts";
import { TermNameFields, termKindPath } from "./TaxonomyPage.tsx";

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
        <TermNameFields ctx={ctx} values={{ nameDe: value("nameDe"), nameEn: value("nameEn") }} errors={view.errors} />
        <button type="submit">{t("taxonomies.save")}</button>
      </PostForm>
    </OrganiserShell>
  );
}
