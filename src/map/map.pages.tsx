import fs from "node:fs";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";
import { loadSiteData } from "../editions/site-data.ts";
import { NoEditionPage } from "../editions/views/NoEditionPage.tsx";
import { pageCtxOf } from "../lib/request-ctx.ts";
import { sendPage } from "../views/render.ts";
import { loadMap } from "./load-map.ts";
import { type TileSettings, tileOrigin, widenImgSrc } from "./tile-settings.ts";
import { MAP_PATH, MapPage } from "./views/MapPage.tsx";
import { LEAFLET_CSS, LEAFLET_JS } from "./views/TileMap.tsx";

/** The programme on a map of Germany; with MAP_TILE_URL also a Leaflet tile map, Leaflet served from here. */
export function registerMapPages(app: FastifyInstance): void {
  const tiles: TileSettings | undefined = app.config.mapTileUrl
    ? { url: app.config.mapTileUrl, attribution: app.config.mapTileAttribution }
    : undefined;

  app.get(MAP_PATH, { config: { publicCache: true } }, async (request, reply) => {
    const ctx = pageCtxOf(request);
    const db = app.database.db;
    const site = await loadSiteData(db);
    if (!site.current) return sendPage(reply, <NoEditionPage ctx={ctx} />);
    const map = await loadMap(db, { ...site, current: site.current }, ctx.query);
    if (tiles) {
      // Only this page may load images from the tile server.
      const csp = String(reply.getHeader("content-security-policy") ?? "");
      reply.header("content-security-policy", widenImgSrc(csp, tileOrigin(tiles.url)));
    }
    return sendPage(reply, <MapPage ctx={ctx} map={map} taxonomies={site.taxonomies} currentYear={site.current.year} tiles={tiles} />);
  });

  if (tiles) {
    const require = createRequire(import.meta.url);
    const assets: [string, string, string][] = [
      [LEAFLET_JS, "leaflet/dist/leaflet.js", "text/javascript; charset=utf-8"],
      [LEAFLET_CSS, "leaflet/dist/leaflet.css", "text/css; charset=utf-8"],
    ];
    for (const [path, module, type] of assets) {
      const body = fs.readFileSync(require.resolve(module));
      app.get(path, { config: { publicCache: true } }, async (_request, reply) =>
        reply.type(type).header("cache-control", "public, max-age=86400").send(body),
      );
    }
  }
}
