import { tr } from "../../event-form/views/form-kit.tsx";
import { formatDay } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx, QueryParams } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { ReviewTabs } from "../../reports/views/ReviewTabs.tsx";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { Queue, QueueRow } from "../list-queue.ts";
import { queueStatuses } from "../moderation.schemas.ts";

const DAY = 86_400_000;

/** The filter values as URL parameters (defaults left out), so links keep the reviewer's selection. */
export function queueParams(q: Queue, overrides: QueryParams = {}): QueryParams {
  const f = q.filter;
  return {
    status: f.status === "open" ? undefined : f.status,
    state: f.state,
    format: f.format,
    org: f.org,
    warnings: f.warnings ? "1" : undefined,
    unattended: f.unattended ? "1" : undefined,
    age: f.age || undefined,
    ...overrides,
  };
}

/** Whether the actor can publish this row straight from the queue (bulk publishing offers only those). */
const publishable = (national: boolean, r: QueueRow) =>
  (r.status === "submitted" || r.status === "approved") && (national || r.moderation === "one_tier");

/** The review queue: counts per status, filters, the list (oldest submission first) and bulk publishing. */
export function QueuePage({
  base,
  queue,
  taxonomies,
  csrf,
  notice,
  problem,
}: {
  base: PageBase;
  queue: Queue;
  taxonomies: Taxonomies;
  csrf: string;
  notice: string | null;
  problem: string | null;
}) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const national = queue.scope === null;
  const f = queue.filter;
  const lands = taxonomies.states.filter((s) => s.kind === "land" && (national || queue.scope?.includes(s.code)));
  const stateName = (code: string) => {
    const s = taxonomies.states.find((x) => x.code === code);
    return s ? (lang === "en" ? s.nameEn : s.nameDe) : code;
  };
  const anyPublishable = queue.rows.some((r) => publishable(national, r));
  const path = "/mein-bereich/pruefung";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("moderation.queueTitle")} orgs={base.orgs} notice={notice}>
      {problem && (
        <div class="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <ReviewTabs ctx={ctx} current="events" />
      <p>{national ? t("moderation.queueIntroNational") : t("moderation.queueIntro")}</p>
      <p class="muted">
        {national ? t("moderation.scopeAll") : t("moderation.scopeStates", { states: (queue.scope ?? []).map(stateName).join(", ") })}
      </p>
      {national && (
        <p>
          <a href={ctx.href(`${path}/gruende`)}>{t("moderation.reasons.manage")}</a>
        </p>
      )}
      <nav aria-label={t("moderation.countsLabel")}>
        <ul class="status-tabs">
          {queueStatuses.map((s) => (
            <li key={s}>
              <a
                href={ctx.href(path, queueParams(queue, { status: s === "open" ? undefined : s, page: undefined }))}
                aria-current={f.status === s ? "page" : undefined}
              >
                {t(`moderation.status.${s}`)} <span class="count">({queue.counts[s]})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <QueueFilters ctx={ctx} queue={queue} taxonomies={taxonomies} lands={lands} national={national} />
      {queue.rows.length === 0 ? (
        <p>{t("moderation.empty")}</p>
      ) : (
        <form method="post" action={ctx.href(`${path}/veroeffentlichen`)}>
          <CsrfField token={csrf} />
          <table class="queue">
            <caption class="visually-hidden">{t(`moderation.status.${f.status}`)}</caption>
            <thead>
              <tr>
                {anyPublishable && <th scope="col">{t("moderation.colSelect")}</th>}
                <th scope="col">{t("moderation.colEvent")}</th>
                <th scope="col">{t("moderation.colOrganisation")}</th>
                <th scope="col">{t("moderation.colState")}</th>
                <th scope="col">{t("moderation.colDate")}</th>
                <th scope="col">{t("moderation.colSubmitted")}</th>
                <th scope="col">{t("moderation.colStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((r) => {
                const title = pick(lang, r.titleDe, r.titleEn);
                const days = r.submittedAt ? Math.floor((Date.now() - r.submittedAt.getTime()) / DAY) : null;
                return (
                  <tr key={r.id} class={r.unattended || r.overdue ? "queue-flagged" : undefined}>
                    {anyPublishable && (
                      <td>
                        {publishable(national, r) && (
                          <input
                            type="checkbox"
                            name="items"
                            value={`${r.id}:${r.version}`}
                            id={`select-${r.id}`}
                            aria-label={t("moderation.selectEvent", { title })}
                          />
                        )}
                      </td>
                    )}
                    <td>
                      <a href={ctx.href(`${path}/${r.id}`)}>{title}</a>{" "}
                      <span class="badge">{r.kind === "change" ? t("moderation.kindChange") : t("moderation.kindNew")}</span>
                      {r.warnings > 0 && <span class="badge badge-warning">{t("moderation.warnings", { count: r.warnings })}</span>}
                      {r.unattended && <span class="badge badge-warning">{t("moderation.unattended")}</span>}
                      {r.overdue && <span class="badge badge-warning">{t("moderation.overdue", { days: r.targetDays })}</span>}
                    </td>
                    <td>{r.organisationName}</td>
                    <td>{stateName(r.stateCode)}</td>
                    <td>{r.startsAt ? formatDay(lang, r.startsAt) : ""}</td>
                    <td>
                      {r.submittedAt && (
                        <>
                          <time datetime={r.submittedAt.toISOString()}>{formatDay(lang, r.submittedAt)}</time>
                          {days !== null && ` (${t("moderation.waitingDays", { count: days })})`}
                        </>
                      )}
                    </td>
                    <td>{tr(ctx, `moderation.status.${r.status}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {anyPublishable && (
            <p>
              <button type="submit">{t("moderation.bulkPublish")}</button>
            </p>
          )}
        </form>
      )}
      {queue.pages > 1 && <Pagination ctx={ctx} queue={queue} path={path} />}
    </OrganiserShell>
  );
}

function QueueFilters({
  ctx,
  queue,
  taxonomies,
  lands,
  national,
}: {
  ctx: PageCtx;
  queue: Queue;
  taxonomies: Taxonomies;
  lands: Taxonomies["states"];
  national: boolean;
}) {
  const { t, lang } = ctx;
  const f = queue.filter;
  const name = (term: { nameDe: string; nameEn: string }) => (lang === "en" ? term.nameEn : term.nameDe);
  return (
    <form method="get" action={ctx.path} class="queue-filters">
      <fieldset>
        <legend>{t("moderation.filters")}</legend>
        {lang === "en" && <input type="hidden" name="lang" value="en" />}
        <label for="q-status">{t("moderation.statusFilter")}</label>
        <select id="q-status" name="status">
          {queueStatuses.map((s) => (
            <option key={s} value={s} selected={f.status === s}>
              {t(`moderation.status.${s}`)}
            </option>
          ))}
        </select>
        {lands.length > 1 && (
          <>
            <label for="q-state">{t("moderation.colState")}</label>
            <select id="q-state" name="state">
              <option value="">{t("moderation.allStates")}</option>
              {lands.map((s) => (
                <option key={s.code} value={s.code} selected={f.state === s.code}>
                  {name(s)}
                </option>
              ))}
            </select>
          </>
        )}
        <label for="q-format">{t("event.format")}</label>
        <select id="q-format" name="format">
          <option value="">{t("moderation.allFormats")}</option>
          {taxonomies.formats.map((s) => (
            <option key={s.code} value={s.code} selected={f.format === s.code}>
              {name(s)}
            </option>
          ))}
        </select>
        <label for="q-org">{t("moderation.colOrganisation")}</label>
        <select id="q-org" name="org">
          <option value="">{t("moderation.allOrganisations")}</option>
          {queue.organisations.map((o) => (
            <option key={o.slug} value={o.slug} selected={f.org === o.slug}>
              {o.name}
            </option>
          ))}
        </select>
        <label for="q-age">{t("moderation.minAge")}</label>
        <input id="q-age" name="age" type="number" min="0" max="365" inputMode="numeric" value={f.age || ""} />
        <label class="choice">
          <input type="checkbox" name="warnings" value="1" checked={f.warnings} /> {t("moderation.withWarnings")}
        </label>
        {national && (
          <label class="choice">
            <input type="checkbox" name="unattended" value="1" checked={f.unattended} /> {t("moderation.onlyUnattended")}
          </label>
        )}
        <p>
          <button type="submit">{t("moderation.filterApply")}</button> <a href={ctx.href(ctx.path)}>{t("moderation.filterReset")}</a>
        </p>
      </fieldset>
    </form>
  );
}

function Pagination({ ctx, queue, path }: { ctx: PageCtx; queue: Queue; path: string }) {
  const { t } = ctx;
  const page = queue.filter.page;
  return (
    <nav aria-label={t("moderation.pagination")} class="pagination">
      <p>{t("moderation.page", { page, pages: queue.pages })}</p>
      <ul class="plain">
        {page > 1 && (
          <li>
            <a href={ctx.href(path, queueParams(queue, { page: page - 1 }))} rel="prev">
              {t("moderation.previous")}
            </a>
          </li>
        )}
        {page < queue.pages && (
          <li>
            <a href={ctx.href(path, queueParams(queue, { page: page + 1 }))} rel="next">
              {t("moderation.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
