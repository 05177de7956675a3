import type { FastifyInstance } from "fastify";
import { loadFeaturedCards } from "../coordination/featured-events.ts";
import { getPublicEventCards } from "../events/list-event-cards.ts";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { editionNumbers } from "./edition-numbers.ts";
import { loadSiteData } from "./site-data.ts";
import { HomePage } from "./views/HomePage.tsx";
import { NoEditionPage } from "./views/NoEditionPage.tsx";

/** Home of the current edition. */
export function registerHomePage(app: FastifyInstance): void {
  app.get("/", { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const db = app.database.db;
    const site = await loadSiteData(db);
    const edition = site.current;
    if (!edition) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const [numbers, next, highlights, featured] = await Promise.all([
      editionNumbers(db, edition.id),
      getPublicEventCards(db, { editionId: edition.id, from: new Date(), limit: 6 }),
      getPublicEventCards(db, {
        editionId: edition.id,
        ids: [edition.openingEventId, edition.closingEventId].filter((id): id is number => id != null),
        limit: 2,
      }),
      loadFeaturedCards(db, edition.id, "home"),
    ]);
    return sendPage(
      reply,
      <HomePage
        ctx={ctx}
        edition={edition}
        numbers={numbers}
        next={next}
        featured={featured}
        opening={highlights.find((e) => e.id === edition.openingEventId)}
        closing={highlights.find((e) => e.id === edition.closingEventId)}
        taxonomies={site.taxonomies}
      />,
    );
  });
}
