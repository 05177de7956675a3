import type { Programme } from "../../events/load-programme.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import { pick } from "../../lib/language.ts";
import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";
import { Layout } from "../../views/Layout.tsx";
import type { Organisation } from "../organisation-queries.ts";

/** An organisation's profile and its events in the chosen edition. */
export function OrganisationPage({
  ctx,
  org,
  programme,
  taxonomies,
}: {
  ctx: PageCtx;
  org: Organisation;
  programme: Programme;
  taxonomies: Taxonomies;
}) {
  const { t, lang } = ctx;
  const description = pick(lang, org.descriptionDe, org.descriptionEn);
  return (
    <Layout ctx={ctx} meta={{ title: org.name, description: description.slice(0, 200) }}>
      <h1>{org.name}</h1>
      <p class="lead">
        {t(`organisation.kind.${org.kind}`)} · {org.city}, {termName(taxonomies.states, org.stateCode, lang)}
      </p>
      {description && <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(description) }} />}
      <dl class="facts">
        {org.website && (
          <>
            <dt>{t("organisation.website")}</dt>
            <dd>
              <a href={org.website} rel="noopener">
                {org.website}
              </a>
            </dd>
          </>
        )}
        {org.topics.length > 0 && (
          <>
            <dt>{t("organisation.topics")}</dt>
            <dd>{org.topics.map((c) => termName(taxonomies.allTopics, c, lang)).join(", ")}</dd>
          </>
        )}
        {org.labels.length > 0 && (
          <>
            <dt>{t("organisation.labels")}</dt>
            <dd>{org.labels.join(", ")}</dd>
          </>
        )}
        {org.contactName && (
          <>
            <dt>{t("organisation.contact")}</dt>
            <dd>
              {org.contactName}
              {org.contactEmail && (
                <>
                  {", "}
                  <a href={`mailto:${org.contactEmail}`}>{org.contactEmail}</a>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      <h2>
        {t("organisation.events")} {programme.edition.year}
      </h2>
      {programme.items.length === 0 ? (
        <p>{t("organisation.noEvents")}</p>
      ) : (
        <ol class="event-list">
          {programme.items.map((item) => (
            <li key={item.id}>
              <EventCard ctx={ctx} item={item} taxonomies={taxonomies} />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
