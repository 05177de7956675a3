import type { DbOrTx } from "./event-record.ts";
import { listProgrammeItems, type ProgrammeItem } from "./list-programme.ts";
import { emptyFilter } from "./programme-filter.ts";

type Selection = { editionId: number; ids?: number[]; from?: Date; limit: number };

/**
 * Public event cards of an edition outside the programme page: by id (opening/closing) or the next
 * ones from a moment on (falling back to the edition's first events once it is over).
 */
export async function getPublicEventCards(db: DbOrTx, selection: Selection): Promise<ProgrammeItem[]> {
  const filter = emptyFilter(0);
  const page = { limit: selection.limit, offset: 0 };
  if (selection.ids)
    return selection.ids.length ? listProgrammeItems(db, selection.editionId, filter, { ...page, ids: selection.ids }) : [];
  const upcoming = await listProgrammeItems(db, selection.editionId, filter, { ...page, from: selection.from, onlyPublished: true });
  if (upcoming.length > 0) return upcoming;
  return listProgrammeItems(db, selection.editionId, filter, { ...page, onlyPublished: true });
}
