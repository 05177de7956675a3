import type { topics } from "../reference-data.ts";

export type TopicCode = (typeof topics)[number][0];
type Pair = [de: string, en: string];

/** A subject the demo events are about: names, the topics it files under, a hook and an agenda. */
export type Theme = {
  key: string;
  de: string;
  en: string;
  /** First half of a German compound, e.g. "KI" in "KI-Werkstatt". */
  compound: string;
  topics: TopicCode[];
  hook: Pair;
  agenda: Pair[];
  /** Titles that only fit this theme. */
  titles: Pair[];
};

/** Builds a theme from its parts; keeps the data files compact. */
export const theme = (
  key: string,
  de: string,
  en: string,
  compound: string,
  topicCodes: TopicCode[],
  hook: Pair,
  agenda: Pair[],
  titles: Pair[],
): Theme => ({ key, de, en, compound, topics: topicCodes, hook, agenda, titles });
