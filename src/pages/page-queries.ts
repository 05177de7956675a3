import { eq } from "drizzle-orm";
import { page } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";

export async function findPage(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(page).where(eq(page.slug, slug));
  return row;
}
