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

export const MAX_EVENTS_PER_PLACE = 25;
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
  const rows = await queryRows<RawPlace>(
    db,
    sql`
    with m as (
      select e.id, e.slug, e.status, e.title_de, e.title_en, e.starts_at, v.city, v.country,
        coalesce(v.state_code, e.state_code) as state_code, v.latitude, v.longitude,
        row_number() over (partition by v.city, v.country, coalesce(v.state_code, e.state_code) order by e.starts_at, e.id) as rn
      from event e join venue v on v.id = e.venue_id
      where ${whereClause(editionId, filter)} and e.mode <> 'online'
    )
    select city, country, state_code as "stateCode", avg(latitude) as lat, avg(longitude) as lon, count(*)::int as count,
      coalesce(jsonb_agg(jsonb_build_object('id', id, 'slug', slug, 'status', status, 'titleDe', title_de,
        'titleEn', title_en, 'startsAt', starts_at) order by rn) filter (where rn <= ${MAX_EVENTS_PER_PLACE}), '[]'::jsonb) as events
    from m group by city, country, state_code
    order by count(*) desc, city
    limit ${MAX_PLACES + 1}`,
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
