import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "./event-record.ts";
import type { ProgrammeItem } from "./list-programme.ts";
import { listProgrammeItems } from "./list-programme.ts";
import type { ProgrammeFilter } from "./programme-filter.ts";

type Selection = { editionId?: number; ids?: number[]; from?: Date; limit: number };

/**
 * Public event cards outside the programme page: by id (opening/closing) or the next ones of an
 * edition from a moment on (falling back to the edition's first events once it is over).
 */
export async function getPublicEventCards(db: DbOrTx, selection: Selection): Promise<ProgrammeItem[]> {
  if (selection.ids) {
    if (selection.ids.length === 0) return [];
    const rows = await queryRows<{ id: number; edition_id: number }>(
      db,
      sql`select id, edition_id from event where id = any(${sql`array[${sql.join(
        selection.ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::int[]`})`,
    );
    const results = await Promise.all(
      rows.map((r) => listProgrammeItems(db, Number(r.edition_id), emptyFilter, { limit: 1, offset: 0, onlyId: Number(r.id) })),
    );
    return results.flat();
  }
  if (selection.editionId === undefined) return [];
  const upcoming = await listProgrammeItems(db, selection.editionId, emptyFilter, {
    limit: selection.limit,
    offset: 0,
    from: selection.from,
    onlyPublished: true,
  });
  if (upcoming.length > 0) return upcoming;
  return listProgrammeItems(db, selection.editionId, emptyFilter, { limit: selection.limit, offset: 0, onlyPublished: true });
}

const emptyFilter: ProgrammeFilter = {
  q: "",
  edition: 0,
  state: [],
  format: [],
  topic: [],
  mode: [],
  target: [],
  day: [],
  org: [],
  free: false,
  language: [],
  page: 1,
};
