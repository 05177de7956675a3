import type { Same } from "../lib/i18n/same.ts";

/** German texts of this feature (namespace `widget` in de.ts). */
export const widgetDe = {
  title: "Programm einbinden",
} as const;

/** English texts of this feature: the same keys, enforced by the type. */
export const widgetEn: Same<typeof widgetDe> = {
  title: "Embed the programme",
};
