import type { Same } from "../lib/i18n/same.ts";

/** German texts of this feature (namespace `organiser` in de.ts). */
export const organiserDe = {
  title: "Mein Bereich",
} as const;

/** English texts of this feature: the same keys, enforced by the type. */
export const organiserEn: Same<typeof organiserDe> = {
  title: "My area",
};
