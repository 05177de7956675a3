import type { FastifyInstance } from "fastify";
import { isCountedStatus } from "../editions/counted-events.ts";
import { loadSiteData } from "../editions/site-data.ts";
import { NoEditionPage } from "../editions/views/NoEditionPage.tsx";
import { eventPath } from "../events/event-path.ts";
import { formatIsoDay } from "../lib/format-date.ts";
import { pick } from "../lib/language.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { type BoothRow, listTradeFairPresences } from "./trade-fair-queries.ts";

/** The trade-fair directory: every booth of the edition, by fair, hall and booth. */
export function registerTradeFairPages(app: FastifyInstance): void {
  app.get("/messe", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const { t, lang } = ctx;
    const site = await loadSiteData(app.database.db);
    if (!site.current) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const year = Number(ctx.query.get("edition"));
    const edition = site.editions.find((e) => e.year === year) ?? site.current;
    const booths = await listTradeFairPresences(app.database.db, edition.id);
    const byFair = new Map<string, Map<string, BoothRow[]>>();
    for (const b of booths) {
      const halls = byFair.get(b.fair) ?? new Map<string, BoothRow[]>();
      halls.set(b.hall, [...(halls.get(b.hall) ?? []), b]);
      byFair.set(b.fair, halls);
    }
    return sendPage(
      reply,
      <Layout ctx={ctx} meta={{ title: `${t("fair.title")} ${edition.year}` }}>
        <h1>
          {t("fair.title")} {edition.year}
        </h1>
        {booths.length === 0 && <p>{t("fair.none")}</p>}
        {[...byFair.entries()].map(([fair, halls], i) => (
          <section key={fair} aria-labelledby={`fair-${i}`}>
            <h2 id={`fair-${i}`}>{fair}</h2>
            <p>{t("fair.intro", { fair })}</p>
            {[...halls.entries()].map(([hall, rows]) => (
              <div key={hall} class="table-scroll">
                <table class="booth-table">
                  <caption>{hall}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("fair.booth")}</th>
                      <th scope="col">{t("fair.organisation")}</th>
                      <th scope="col">{t("fair.days")}</th>
                      <th scope="col">{t("fair.coExhibitors")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((b) => (
                      <tr key={b.id}>
                        <th scope="row">{b.booth}</th>
                        <td>
                          {b.eventId && b.eventSlug && b.eventStatus && isCountedStatus(b.eventStatus) ? (
                            <a href={ctx.href(eventPath({ id: b.eventId, slug: b.eventSlug }))}>{b.organisationName}</a>
                          ) : (
                            <a href={ctx.href(`/organisationen/${b.organisationSlug}`)}>{b.organisationName}</a>
                          )}
                          {pick(lang, b.textDe, b.textEn) && <p class="muted">{pick(lang, b.textDe, b.textEn)}</p>}
                        </td>
                        <td>{b.days.map((d) => formatIsoDay(lang, d, "short")).join(", ")}</td>
                        <td>{b.coExhibitors.join(", ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </section>
        ))}
      </Layout>,
    );
  });
}
