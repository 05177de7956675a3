import type { DbOrTx } from "../../events/event-record.ts";
import { loadTaxonomies } from "../../taxonomies/taxonomy-queries.ts";
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
  const { topics, targetGroups } = await loadTaxonomies(db);
  return { count: topics.length + targetGroups.length, examples: [...topics, ...targetGroups].slice(0, 6).map((r) => r.nameDe) };
}
