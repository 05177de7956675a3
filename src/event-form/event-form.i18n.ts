import type { Same } from "../lib/i18n/same.ts";

/** German texts of this feature (namespace `eventForm` in de.ts). */
export const eventFormDe = {
  title: "Veranstaltung bearbeiten",
} as const;

/** English texts of this feature: the same keys, enforced by the type. */
export const eventFormEn: Same<typeof eventFormDe> = {
  title: "Edit event",
};
