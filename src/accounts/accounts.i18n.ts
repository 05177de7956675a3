import type { Same } from "../lib/i18n/same.ts";

/** German texts of this feature (namespace `accounts` in de.ts). */
export const accountsDe = {
  title: "Konto",
} as const;

/** English texts of this feature: the same keys, enforced by the type. */
export const accountsEn: Same<typeof accountsDe> = {
  title: "Account",
};
