import { asc, eq } from "drizzle-orm";
import { format, state, targetGroup, topic } from "../db/schema/index.ts";
import { EVENT_LANGUAGES } from "../event-form/event-form.schemas.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { translator } from "../lib/i18n/i18n.ts";
import { headerKey, type ValueListName } from "./import-columns.ts";

export type VocabularyEntry = { code: string; de: string; en: string };
/** The allowed values of every list column, and a lookup from what people type (code or name, either language) to the code. */
export type Vocabulary = Record<ValueListName, VocabularyEntry[]> & { lookup: Record<ValueListName, Map<string, string>> };

const languageName = (lang: "de" | "en", code: string) => new Intl.DisplayNames([lang], { type: "language" }).of(code) ?? code;

/** The value lists of the template and the parser, from the taxonomies in the database and the form's enums. */
export async function loadVocabulary(db: DbOrTx): Promise<Vocabulary> {
  const [formats, states, topics, targetGroups] = await Promise.all([
    db.select({ code: format.code, de: format.nameDe, en: format.nameEn }).from(format).orderBy(asc(format.sort), asc(format.code)),
    db
      .select({ code: state.code, de: state.nameDe, en: state.nameEn })
      .from(state)
      .where(eq(state.kind, "land"))
      .orderBy(asc(state.sort), asc(state.code)),
    db
      .select({ code: topic.code, de: topic.nameDe, en: topic.nameEn })
      .from(topic)
      .where(eq(topic.active, true))
      .orderBy(asc(topic.sort), asc(topic.code)),
    db
      .select({ code: targetGroup.code, de: targetGroup.nameDe, en: targetGroup.nameEn })
      .from(targetGroup)
      .where(eq(targetGroup.active, true))
      .orderBy(asc(targetGroup.sort), asc(targetGroup.code)),
  ]);
  const de = translator("de");
  const en = translator("en");
  const modes = (["onsite", "online", "hybrid"] as const).map((code) => ({ code, de: de(`mode.${code}`), en: en(`mode.${code}`) }));
  const languages = EVENT_LANGUAGES.map((code) => ({ code, de: languageName("de", code), en: languageName("en", code) }));
  const yesNo = [
    { code: "yes", de: de("imports.yes"), en: en("imports.yes") },
    { code: "no", de: de("imports.no"), en: en("imports.no") },
  ];
  const lists = { formats, states, topics, targetGroups, modes, languages, yesNo };
  const lookup: Record<ValueListName, Map<string, string>> = {
    formats: lookupOf(formats),
    states: lookupOf(states),
    topics: lookupOf(topics),
    targetGroups: lookupOf(targetGroups),
    modes: lookupOf(modes),
    languages: lookupOf(languages),
    yesNo: lookupOf(yesNo),
  };
  // What else people write for yes and no.
  for (const word of ["x", "1", "wahr", "true", "j", "y"]) lookup.yesNo.set(word, "yes");
  for (const word of ["0", "falsch", "false", "n"]) lookup.yesNo.set(word, "no");
  return { ...lists, lookup };
}

function lookupOf(entries: VocabularyEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entries) for (const name of [e.code, e.de, e.en]) map.set(headerKey(name), e.code);
  return map;
}
