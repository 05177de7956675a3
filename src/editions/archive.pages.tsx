import type { FastifyInstance } from "fastify";
import { pick } from "../lib/language.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { editionNumbers } from "./edition-numbers.ts";
import { loadSiteData } from "./site-data.ts";
import { editionDates } from "./views/HomePage.tsx";

/** Past editions with their numbers and links to their programmes. */
export function registerArchivePages(app: FastifyInstance): void {
  app.get("/archiv", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const { t, lang } = ctx;
    const site = await loadSiteData(app.database.db);
    const past = site.editions.filter((e) => e.id !== site.current?.id);
    const numbers = await Promise.all(past.map((e) => editionNumbers(app.database.db, e.id)));
    return sendPage(
      reply,
      <Layout ctx={ctx} meta={{ title: t("archive.title"), description: t("archive.intro") }}>
        <h1>{t("archive.title")}</h1>
        <p>{t("archive.intro")}</p>
        <ul class="archive-list">
          {past.map((e, i) => (
            <li key={e.id}>
              <h2>{pick(lang, e.titleDe, e.titleEn)}</h2>
              <p>
                {editionDates(ctx, e)} · {t("home.events", { count: numbers[i]?.events ?? 0 })}
                {(numbers[i]?.booths ?? 0) > 0 && ` (${t("home.booths", { count: numbers[i]?.booths ?? 0 })})`} ·{" "}
                {t("home.states", { count: numbers[i]?.states ?? 0 })}
              </p>
              <p>
                <a href={ctx.href("/programm", { edition: String(e.year) })}>{t("archive.programme", { year: e.year })}</a>
                {" · "}
                <a href={ctx.href("/messe", { edition: String(e.year) })}>
                  {t("fair.title")} {e.year}
                </a>
                {" · "}
                <a href={ctx.href(`/archiv/${e.year}/rueckblick`)}>{t("stats.retro.link", { year: e.year })}</a>
              </p>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
}
