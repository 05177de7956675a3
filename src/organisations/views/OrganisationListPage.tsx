import type { Edition } from "../../editions/edition-queries.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { Layout } from "../../views/Layout.tsx";
import type { OrganisationWithCount } from "../organisation-queries.ts";

export function OrganisationListPage({
  ctx,
  edition,
  organisations,
  taxonomies,
}: {
  ctx: PageCtx;
  edition: Edition;
  organisations: OrganisationWithCount[];
  taxonomies: Taxonomies;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t("organisation.title"), description: t("organisation.intro", { year: edition.year }) }}>
      <h1>{t("organisation.title")}</h1>
      <p>{t("organisation.intro", { year: edition.year })}</p>
      <ul class="org-list">
        {organisations.map((o) => (
          <li key={o.slug}>
            <a href={ctx.href(`/organisationen/${o.slug}`)}>{o.name}</a>
            <span class="muted">
              {" "}
              · {o.city}, {termName(taxonomies.states, o.stateCode, lang)} · {t("organisation.eventCount", { count: o.events })}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
