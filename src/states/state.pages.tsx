import type { FastifyInstance } from "fastify";
import { loadFeaturedCards } from "../coordination/featured-events.ts";
import { FeaturedEvents } from "../coordination/views/FeaturedEvents.tsx";
import { loadSiteData } from "../editions/site-data.ts";
import { NoEditionPage } from "../editions/views/NoEditionPage.tsx";
import { loadProgramme } from "../events/load-programme.ts";
import { EventCard } from "../events/views/EventCard.tsx";
import { notFound } from "../lib/errors.ts";
import { pick } from "../lib/language.ts";
import { renderMarkdown } from "../lib/markdown.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { Layout } from "../views/Layout.tsx";
import { sendPage } from "../views/render.ts";
import { findStateIntro } from "./state-queries.ts";

/** The overview of states and one page per state: its intro and its programme. */
export function registerStatePages(app: FastifyInstance): void {
  app.get("/laender", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const site = await loadSiteData(app.database.db);
    const lands = site.taxonomies.states.filter((s) => s.kind === "land");
    return sendPage(
      reply,
      <Layout ctx={ctx} meta={{ title: ctx.t("state.title") }}>
        <h1>{ctx.t("state.title")}</h1>
        <ul class="state-links">
          {lands.map((s) => (
            <li key={s.code}>
              <a href={ctx.href(`/laender/${s.code.toLowerCase()}`)}>{ctx.lang === "en" ? s.nameEn : s.nameDe}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get<{ Params: { code: string } }>("/laender/:code", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const db = app.database.db;
    const site = await loadSiteData(db);
    const state = site.taxonomies.states.find((s) => s.kind === "land" && s.code === request.params.code.toUpperCase());
    if (!state) throw notFound("State not found");
    if (!site.current) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const query = new URLSearchParams({ state: state.code });
    const year = ctx.query.get("edition");
    if (year) query.set("edition", year);
    const programme = await loadProgramme(db, { ...site, current: site.current }, query, "agenda");
    const [intro, featured] = await Promise.all([
      findStateIntro(db, programme.edition.id, state.code),
      loadFeaturedCards(db, programme.edition.id, state.code),
    ]);
    const name = ctx.lang === "en" ? state.nameEn : state.nameDe;
    const introText = intro ? pick(ctx.lang, intro.introDe, intro.introEn) : "";
    return sendPage(
      reply,
      <Layout ctx={ctx} meta={{ title: name, description: ctx.t("state.programme", { state: name }) }}>
        <h1>{name}</h1>
        {introText && <div class="prose lead" dangerouslySetInnerHTML={{ __html: renderMarkdown(introText) }} />}
        <FeaturedEvents ctx={ctx} items={featured} taxonomies={site.taxonomies} />
        <h2>
          {ctx.t("state.programme", { state: name })} · {ctx.t("programme.results", { count: programme.total })}
        </h2>
        <p>
          <a href={ctx.href("/programm", { state: state.code })}>{ctx.t("state.allEvents", { state: name })}</a>
        </p>
        <ol class="event-list">
          {programme.items.map((item) => (
            <li key={item.id}>
              <EventCard ctx={ctx} item={item} taxonomies={site.taxonomies} />
            </li>
          ))}
        </ol>
      </Layout>,
    );
  });
}
