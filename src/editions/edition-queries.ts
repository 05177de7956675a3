import { desc, eq } from "drizzle-orm";
import { edition } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

export type Edition = typeof edition.$inferSelect;

/** All editions, newest first. */
export function listEditions(db: DbOrTx): Promise<Edition[]> {
  return db.select().from(edition).orderBy(desc(edition.year));
}

/** The edition the public site shows by default: the newest open or running one, else the newest. */
export function pickCurrentEdition(editions: Edition[]): Edition | undefined {
  return (
    editions.find((e) => e.status === "open" || e.status === "running") ?? editions.find((e) => e.status !== "archived") ?? editions[0]
  );
}

export async function findEditionByYear(db: DbOrTx, year: number): Promise<Edition | undefined> {
  const [row] = await db.select().from(edition).where(eq(edition.year, year));
  return row;
}

// Asked on every programme request (day filters); an edition's dates rarely change, so keep the days per span.
const daysBySpan = new Map<string, readonly string[]>();

/** Every calendar day of an edition, YYYY-MM-DD. */
export function editionDays(e: Pick<Edition, "startsOn" | "endsOn">): string[] {
  const span = `${e.startsOn}/${e.endsOn}`;
  let known = daysBySpan.get(span);
  if (!known) {
    const days: string[] = [];
    for (let d = new Date(`${e.startsOn}T12:00:00Z`); d <= new Date(`${e.endsOn}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      days.push(d.toISOString().slice(0, 10));
    }
    if (daysBySpan.size >= 100) daysBySpan.clear();
    daysBySpan.set(span, days);
    known = days;
  }
  // A copy: callers may change their array.
  return [...known];
}
