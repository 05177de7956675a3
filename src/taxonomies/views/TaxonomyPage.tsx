import type { PageCtx } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { ButtonForm, ErrorSummary, type FieldErrors, type FormValues, PostForm, TextField } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { type TermKind, type TermRow, termKindNames } from "../term-kinds.ts";

export const taxonomiesPath = "/mein-bereich/taxonomien";
export const termKindPath = (kind: TermKind) => `${taxonomiesPath}/${kind}`;

export type TaxonomyView = {
  kind: TermKind;
  terms: TermRow[];
  csrf: string;
  values: FormValues;
  errors: FieldErrors;
  notice: string | null;
  /** A refused action's message (a term in use cannot be deleted). */
  problem: string | null;
};

/** The German and English label inputs of a term (add and edit forms; the maximum is the schema's). */
export function TermNameFields({ ctx, values, errors }: { ctx: PageCtx; values: FormValues; errors: FieldErrors }) {
  const field = (name: "nameDe" | "nameEn") => (
    <TextField
      ctx={ctx}
      name={name}
      label={ctx.t(`taxonomies.${name}`)}
      value={values[name]}
      error={errors[name]}
      maxLength={80}
      required
    />
  );
  return (
    <>
      {field("nameDe")}
      {field("nameEn")}
    </>
  );
}

/** /mein-bereich/taxonomien/:kind: the terms in order with their use, move/retire/delete buttons, and the add form. */
export function TaxonomyPage({ base, view }: { base: PageBase; view: TaxonomyView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const title = t(`taxonomies.titles.${view.kind}`);
  const labels = { nameDe: t("taxonomies.nameDe"), nameEn: t("taxonomies.nameEn") };
  const termPath = (code: string, verb: string) => ctx.href(`${termKindPath(view.kind)}/${code}/${verb}`);
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={title} orgs={orgs} org={org} notice={view.notice}>
      <nav aria-label={t("taxonomies.nav")}>
        <ul class="inline-list">
          {termKindNames.map((k) => (
            <li key={k}>
              <a href={ctx.href(termKindPath(k))} aria-current={k === view.kind ? "page" : undefined}>
                {t(`taxonomies.titles.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t("taxonomies.intro")}</p>
      {view.problem && (
        <p class="notice notice-error" role="alert">
          {view.problem}
        </p>
      )}
      <div class="table-scroll">
        <table class="taxonomy-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("taxonomies.colName")}</th>
              <th scope="col">{t("taxonomies.colCode")}</th>
              <th scope="col">{t("taxonomies.colUsage")}</th>
              <th scope="col">{t("taxonomies.colState")}</th>
              <th scope="col">{t("taxonomies.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.terms.map((term, i) => {
              const shown = ctx.lang === "en" ? term.nameEn : term.nameDe;
              const button = (verb: string, key: string) => (
                <ButtonForm
                  action={termPath(term.code, verb)}
                  csrf={view.csrf}
                  label={t(`taxonomies.${key}` as "taxonomies.up")}
                  accessibleLabel={`${t(`taxonomies.${key}` as "taxonomies.up")}: ${shown}`}
                />
              );
              return (
                <tr key={term.code} class={term.active ? "term" : "term term-retired"} data-code={term.code}>
                  <td>
                    <span lang="de">{term.nameDe}</span>
                    <br />
                    <span lang="en" class="muted">
                      {term.nameEn}
                    </span>
                  </td>
                  <td>
                    <code>{term.code}</code>
                  </td>
                  <td>
                    {view.kind === "technologiefelder"
                      ? t("taxonomies.usage", { events: term.events, organisations: term.organisations })
                      : t("taxonomies.usageEvents", { events: term.events })}
                  </td>
                  <td>{term.active ? t("taxonomies.active") : t("taxonomies.retired")}</td>
                  <td class="actions">
                    <a href={ctx.href(`${termKindPath(view.kind)}/${term.code}`)} aria-label={`${t("taxonomies.edit")}: ${shown}`}>
                      {t("taxonomies.edit")}
                    </a>{" "}
                    {i > 0 && button("hoch", "up")}
                    {i < view.terms.length - 1 && button("runter", "down")}
                    {term.active ? button("ausmustern", "retire") : button("reaktivieren", "reactivate")}
                    {term.events + term.organisations === 0 && button("loeschen", "delete")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2 id="term-add">{t("taxonomies.addTitle")}</h2>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(termKindPath(view.kind))} csrf={view.csrf} label={t("taxonomies.addTitle")}>
        <TermNameFields ctx={ctx} values={view.values} errors={view.errors} />
        <button type="submit">{t("taxonomies.add")}</button>
      </PostForm>
    </OrganiserShell>
  );
}
