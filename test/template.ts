import type { Database } from "../src/db/client.ts";
import { prepareDatabase } from "../src/db/prepare-database.ts";
import { upcomingEdition } from "../src/db/seed/demo/upcoming-edition.ts";

/**
 * The "today" the test template's demo data is planned from: the upcoming edition (April 2027, open for
 * submissions) and its submission and review timestamps are the same on every run, whatever the date.
 */
export const templateToday = new Date("2026-12-01T09:00:00Z");

/**
 * What every test database starts from: migrated, reference data, demo editions. Without the demo
 * accounts: tests bring their own users (test/personas.ts), and a fixed demo coordinator or editor would
 * receive their digests and reminders too; the accounts are tested in src/db/seed/demo/.
 */
export async function buildTemplate(database: Database): Promise<void> {
  await prepareDatabase(database, { seed: "demo", now: templateToday, demoAccounts: false });
}

/** The year of the template's current edition (the upcoming one, open for submissions): 2027. */
export const currentYear = upcomingEdition(templateToday).draft.year;
