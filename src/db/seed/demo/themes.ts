import type { Theme } from "./theme.ts";
import { industryThemes } from "./themes-industries.ts";
import { technologyThemes } from "./themes-technology.ts";

export type { Theme, TopicCode } from "./theme.ts";

/** Every subject the generator can pick for an event. */
export const themes: Theme[] = [...technologyThemes, ...industryThemes];

export function themeByKey(key: string): Theme {
  const found = themes.find((t) => t.key === key);
  if (!found) throw new Error(`unknown demo theme ${key}`);
  return found;
}

/** The themes whose main topic is one of the given topics; all themes if none is. */
export function themesFor(topicCodes: readonly string[]): Theme[] {
  const matching = themes.filter((t) => topicCodes.includes(t.topics[0] ?? ""));
  return matching.length > 0 ? matching : themes;
}
