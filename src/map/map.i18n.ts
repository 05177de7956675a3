import type { Same } from "../lib/i18n/same.ts";

/** German texts of this feature (namespace `map` in de.ts). */
export const mapDe = {
  title: "Karte",
} as const;

/** English texts of this feature: the same keys, enforced by the type. */
export const mapEn: Same<typeof mapDe> = {
  title: "Map",
};
