import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { ProgrammeFilter } from "../events/programme-filter.ts";
import { whereClause } from "../events/programme-query.ts";

export type MapPlaceEvent = {
  id: number;
  slug: string;
  status: "published" | "cancelled";
  titleDe: string;
  titleEn: string | null;
  startsAt: Date;
};

/** Events held at one place (venue city), with the mean position of their venues. */
export type MapPlace = {
  city: string;
  /** The venue's Land, or the event's state code ("international") for venues abroad. */
  stateCode: string;
  country: string;
  lat: number | null;
  lon: number | null;
  count: number;
  /** The first MAX_EVENTS_PER_PLACE events by date. */
  events: MapPlaceEvent[];
};

export const MAX_EVENTS_PER_PLACE = 20;
export const MAX_PLACES = 500;

type RawPlace = Omit<MapPlace, "events" | "lat" | "lon"> & {
  lat: number | string | null;
  lon: number | string | null;
  events: (Omit<MapPlaceEvent, "startsAt"> & { startsAt: string })[];
};

/**
 * The public events matching the filter that have a venue and are not held online only, grouped by
 * venue city (and Land or country), most events first. One round trip.
 */
export async function listMapPlaces(
  db: DbOrTx,
  editionId: number,
  filter: ProgrammeFilter,
): Promise<{ places: MapPlace[]; truncated: boolean }> {
  // Grouping carries only narrow columns (the first ids per place); titles are fetched for those ids
  // alone. On 100k events this took 640 ms instead of 800 ms for a row_number() over wide rows.
  const rows = await queryRows<RawPlace>(
    db,
    sql`
    with places as (
      select v.city, v.country, coalesce(v.state_code, e.state_code) as state_code,
        avg(v.latitude) as lat, avg(v.longitude) as lon, count(*)::int as count,
        (array_agg(e.id order by e.starts_at, e.id))[1:${MAX_EVENTS_PER_PLACE}] as ids
      from event e join venue v on v.id = e.venue_id
      where ${whereClause(editionId, filter)} and e.mode <> 'online'
      group by 1, 2, 3
      order by count(*) desc, v.city
      limit ${MAX_PLACES + 1}
    )
    select p.city, p.country, p.state_code as "stateCode", p.lat, p.lon, p.count,
      coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'slug', e.slug, 'status', e.status, 'titleDe', e.title_de,
        'titleEn', e.title_en, 'startsAt', e.starts_at) order by e.starts_at, e.id) from event e where e.id = any(p.ids)), '[]'::jsonb) as events
    from places p
    order by p.count desc, p.city`,
  );
  const places = rows.slice(0, MAX_PLACES).map((row) => ({
    ...row,
    count: Number(row.count),
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    events: (typeof row.events === "string" ? (JSON.parse(row.events) as RawPlace["events"]) : row.events).map((e) => ({
      ...e,
      startsAt: new Date(e.startsAt),
    })),
  }));
  return { places, truncated: rows.length > MAX_PLACES };
}
