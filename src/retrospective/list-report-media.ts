import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { PhotoLicence } from "../db/schema/index.ts";
import { countedEventCondition } from "../editions/counted-events.ts";
import type { DbOrTx } from "../events/event-record.ts";

type EventRef = { eventId: number; slug: string; titleDe: string; titleEn: string | null; organisation: string };
export type GalleryPhoto = EventRef & {
  id: number;
  path: string;
  width: number;
  height: number;
  altDe: string;
  altEn: string | null;
  credit: string;
  licence: PhotoLicence;
};
export type PressRelease = EventRef & {
  reportId: number;
  path: string;
  previewPath: string | null;
  pages: number | null;
  bytes: number | null;
};

/** At most this many photos in an edition's gallery (the first by event start). */
export const GALLERY_LIMIT = 48;

const eventColumns = sql`e.id as "eventId", e.slug, e.title_de as "titleDe", e.title_en as "titleEn", o.name as organisation`;

/** Photos of the published reports of an edition's counted events, by event start and the report's order. */
export async function listGalleryPhotos(db: DbOrTx, editionId: number): Promise<GalleryPhoto[]> {
  const rows = await queryRows<GalleryPhoto>(
    db,
    sql`select p.id, p.path, p.width, p.height, p.alt_de as "altDe", p.alt_en as "altEn", p.credit, p.licence, ${eventColumns}
        from report_photo p join report r on r.id = p.report_id join event e on e.id = r.event_id
        join organisation o on o.id = e.organisation_id
        where r.status = 'published' and e.edition_id = ${editionId} and ${countedEventCondition}
        order by e.starts_at, e.id, p.position, p.id
        limit ${GALLERY_LIMIT}`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), eventId: Number(r.eventId), width: Number(r.width), height: Number(r.height) }));
}

/** Press releases (PDF) of the published reports of an edition's counted events, by event start. */
export async function listPressReleases(db: DbOrTx, editionId: number): Promise<PressRelease[]> {
  const rows = await queryRows<PressRelease>(
    db,
    sql`select r.id as "reportId", r.press_release_path as path, r.press_release_preview_path as "previewPath",
               r.press_release_pages as pages, r.press_release_bytes as bytes, ${eventColumns}
        from report r join event e on e.id = r.event_id join organisation o on o.id = e.organisation_id
        where r.status = 'published' and r.press_release_path is not null and e.edition_id = ${editionId} and ${countedEventCondition}
        order by e.starts_at, e.id`,
  );
  return rows.map((r) => ({
    ...r,
    reportId: Number(r.reportId),
    eventId: Number(r.eventId),
    pages: r.pages === null ? null : Number(r.pages),
    bytes: r.bytes === null ? null : Number(r.bytes),
  }));
}
