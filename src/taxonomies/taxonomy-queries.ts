import { asc, eq } from "drizzle-orm";
import { attendanceMode, format, state, targetGroup, topic } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Lang } from "../lib/language.ts";

export type Term = { code: string; nameDe: string; nameEn: string };
/** A technology field or target group; a retired one (`active` false) is no longer offered but stays on what has it. */
export type EditableTerm = Term & { active: boolean };
export type Taxonomies = {
  states: (Term & { kind: "land" | "online" | "international" })[];
  formats: Term[];
  modes: (Term & { schemaOrg: string })[];
  /** Offered for new choices (forms, filters, widget): the active technology fields, in order. */
  topics: Term[];
  /** Offered for new choices: the active target groups, in order. */
  targetGroups: Term[];
  /** Every technology field, retired ones included: for showing what events and organisations already have. */
  allTopics: EditableTerm[];
  /** Every target group, retired ones included. */
  allTargetGroups: EditableTerm[];
};

/** Every taxonomy with its German and English names, in display order (the one read of them). */
export async function loadTaxonomies(db: DbOrTx): Promise<Taxonomies> {
  const [states, formats, modes, allTopics, allTargetGroups] = await Promise.all([
    db.select().from(state).orderBy(asc(state.sort)),
    db.select().from(format).orderBy(asc(format.sort)),
    db.select().from(attendanceMode).orderBy(asc(attendanceMode.sort)),
    db.select().from(topic).orderBy(asc(topic.sort), asc(topic.code)),
    db.select().from(targetGroup).orderBy(asc(targetGroup.sort), asc(targetGroup.code)),
  ]);
  const offered = (terms: EditableTerm[]) => terms.filter((t) => t.active);
  return { states, formats, modes, topics: offered(allTopics), targetGroups: offered(allTargetGroups), allTopics, allTargetGroups };
}

/** The name of a term in the reader's language, or the code when unknown. */
export function termName(terms: readonly Term[], code: string, lang: Lang): string {
  const term = terms.find((t) => t.code === code);
  return term ? (lang === "en" ? term.nameEn : term.nameDe) : code;
}

/**
 * The terms a form offers: the active ones plus retired ones the object already has (so saving keeps
 * them), in the taxonomy's order.
 */
export function offeredTerms(all: readonly EditableTerm[], chosen: readonly string[]): EditableTerm[] {
  return all.filter((t) => t.active || chosen.includes(t.code));
}

/**
 * A copy of an event (duplicate, the rollover's prefilled drafts) is a new event: it keeps only the
 * technology fields and target groups still on offer (two small reads, not the whole taxonomy).
 */
export async function withoutRetiredTerms<T extends { topics: string[]; targetGroups: string[] }>(db: DbOrTx, row: T): Promise<T> {
  const [topics, groups] = await Promise.all([
    db.select({ code: topic.code }).from(topic).where(eq(topic.active, true)),
    db.select({ code: targetGroup.code }).from(targetGroup).where(eq(targetGroup.active, true)),
  ]);
  const keep = (codes: string[], offered: { code: string }[]) => codes.filter((c) => offered.some((o) => o.code === c));
  return { ...row, topics: keep(row.topics, topics), targetGroups: keep(row.targetGroups, groups) };
}
