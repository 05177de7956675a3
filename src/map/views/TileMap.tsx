import type { PageCtx } from "../../lib/page-context.ts";
import { assetUrl } from "../../views/assets.ts";
import { type TileSettings, tileHost } from "../tile-settings.ts";
import type { MapMarker } from "./GermanyMap.tsx";

export type { TileSettings };

export const LEAFLET_JS = "/programm/karte/leaflet.js";
export const LEAFLET_CSS = "/programm/karte/leaflet.css";

/**
 * The optional tile map (only when the operator configured a tile server): hidden until map.js has
 * Leaflet draw it; Leaflet itself comes from our own origin. Markers come from a JSON data block.
 */
export function TileMap({ ctx, tiles, markers }: { ctx: PageCtx; tiles: TileSettings; markers: MapMarker[] }) {
  const data = {
    tileUrl: tiles.url,
    attribution: tiles.attribution ?? "",
    markers: markers.map((m) => ({ lat: m.lat, lon: m.lon, label: m.label, href: m.href, count: m.count })),
  };
  return (
    <section class="tile-map-section" aria-labelledby="tile-map-heading" hidden>
      <h4 id="tile-map-heading">{ctx.t("map.tileMap")}</h4>
      <p>{ctx.t("map.tileMapNote", { host: tileHost(tiles.url) })}</p>
      <div id="tile-map" class="tile-map" />
      <script
        type="application/json"
        id="tile-map-data"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
      />
      <link rel="stylesheet" href={LEAFLET_CSS} />
      <script src={LEAFLET_JS} defer />
      <script src={assetUrl("map.js")} defer />
    </section>
  );
}
