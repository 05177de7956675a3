import { eq } from "drizzle-orm";
import { targetGroup, topic } from "../../db/schema/index.ts";
import type { DbOrTx } from "../../events/event-record.ts";
import type { RolloverStep } from "./rollover-steps.ts";

/**
 * Technology fields and target groups are shared by all editions: nothing is copied, the active ones
 * simply stay offered (retired ones stay retired). The step shows them in the preview.
 */
export const taxonomiesStep: RolloverStep = {
  key: "taxonomies",
  label: { de: "Technologiefelder und Zielgruppen (gelten weiter)", en: "Technology fields and target groups (stay in use)" },
  preview: ({ db }) => activeTaxonomies(db),
  copy: ({ tx }) => activeTaxonomies(tx),
};

async function activeTaxonomies(db: DbOrTx) {
  const topics = await db.select({ name: topic.nameDe }).from(topic).where(eq(topic.active, true)).orderBy(topic.sort);
  const groups = await db
    .select({ name: targetGroup.nameDe })
    .from(targetGroup)
    .where(eq(targetGroup.active, true))
    .orderBy(targetGroup.sort);
  return { count: topics.length + groups.length, examples: [...topics, ...groups].slice(0, 6).map((r) => r.name) };
}
