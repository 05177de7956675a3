import { asc, eq } from "drizzle-orm";
import { attendanceMode, format, state, targetGroup, topic } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Lang } from "../lib/language.ts";

export type Term = { code: string; nameDe: string; nameEn: string };
export type Taxonomies = {
  states: (Term & { kind: "land" | "online" | "international" })[];
  formats: Term[];
  modes: (Term & { schemaOrg: string })[];
  topics: Term[];
  targetGroups: Term[];
};

/** Every taxonomy with its German and English names, in display order. */
export async function loadTaxonomies(db: DbOrTx): Promise<Taxonomies> {
  const [states, formats, modes, topics, targetGroups] = await Promise.all([
    db.select().from(state).orderBy(asc(state.sort)),
    db.select().from(format).orderBy(asc(format.sort)),
    db.select().from(attendanceMode).orderBy(asc(attendanceMode.sort)),
    db.select().from(topic).where(eq(topic.active, true)).orderBy(asc(topic.sort)),
    db.select().from(targetGroup).where(eq(targetGroup.active, true)).orderBy(asc(targetGroup.sort)),
  ]);
  return { states, formats, modes, topics, targetGroups };
}

/** The name of a term in the reader's language, or the code when unknown. */
export function termName(terms: readonly Term[], code: string, lang: Lang): string {
  const term = terms.find((t) => t.code === code);
  return term ? (lang === "en" ? term.nameEn : term.nameDe) : code;
}
