import { formatDay } from "../../lib/format-date.ts";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { termName } from "../../taxonomies/taxonomy-queries.ts";
import type { OrganisationRequest } from "../list-organisation-requests.ts";
import type { PageBase } from "../organiser-page-kit.ts";
import { PostForm } from "./FormParts.tsx";
import { OrganiserShell } from "./OrganiserShell.tsx";

/** /mein-bereich/anfragen: pending organisation requests of the reviewer's states, each with confirm and decline. */
export function RequestsPage({
  base,
  requests,
  taxonomies,
  csrf,
  notice,
}: {
  base: PageBase;
  requests: OrganisationRequest[];
  taxonomies: Taxonomies;
  csrf: string;
  notice: string | null;
}) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.requests.title")} orgs={orgs} org={org} notice={notice}>
      {requests.length === 0 && <p>{t("organiser.requests.none")}</p>}
      <ul class="plain request-list">
        {requests.map(({ org: o, requesterName, requesterEmail }) => (
          <li key={o.id} class="request">
            <article aria-labelledby={`request-${o.id}`}>
              <h2 id={`request-${o.id}`}>{o.name}</h2>
              <dl class="facts">
                <dt>{t("organiser.fields.kind")}</dt>
                <dd>{t(`organiser.kinds.${o.kind}`)}</dd>
                <dt>{t("organiser.fields.stateCode")}</dt>
                <dd>
                  {termName(taxonomies.states, o.stateCode, lang)}, {o.city}
                </dd>
                {o.website && (
                  <>
                    <dt>{t("organiser.fields.website")}</dt>
                    <dd>{o.website}</dd>
                  </>
                )}
                {o.descriptionDe && (
                  <>
                    <dt>{t("organiser.fields.descriptionDe")}</dt>
                    <dd lang="de">{o.descriptionDe}</dd>
                  </>
                )}
              </dl>
              <p class="muted">
                {t("organiser.requests.requestedBy", { name: requesterName ?? "–", email: requesterEmail ?? "–" })}{" "}
                {t("organiser.requests.requestedAt", { date: formatDay(lang, o.createdAt) })}
              </p>
              <PostForm action={ctx.href(`/mein-bereich/anfragen/${o.id}`)} csrf={csrf} label={o.name}>
                <div class="form-field">
                  <label for={`note-${o.id}`}>
                    {t("organiser.requests.note")} <span class="muted">{t("organiser.optional")}</span>
                  </label>
                  <textarea id={`note-${o.id}`} name="note" rows={2} maxLength={1000} />
                </div>
                <button type="submit" name="decision" value="confirm">
                  {t("organiser.requests.confirm")}
                </button>{" "}
                <button type="submit" name="decision" value="decline" class="button-secondary">
                  {t("organiser.requests.decline")}
                </button>
              </PostForm>
            </article>
          </li>
        ))}
      </ul>
    </OrganiserShell>
  );
}
