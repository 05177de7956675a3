import { asc, eq, sql } from "drizzle-orm";
import { state, stateIntro } from "../../db/schema/index.ts";
import type { RolloverStep } from "./rollover-steps.ts";

/** The Länder's introductions (coordinators edit them per edition) start from last year's text. */
export const stateIntrosStep: RolloverStep = {
  key: "stateIntros",
  label: { de: "Einleitungen der Länderseiten", en: "Introductions of the state pages" },
  preview: async ({ db, from }) => {
    const rows = await db
      .select({ name: state.nameDe })
      .from(stateIntro)
      .innerJoin(state, eq(state.code, stateIntro.stateCode))
      .where(eq(stateIntro.editionId, from.id))
      .orderBy(asc(state.sort));
    return { count: rows.length, examples: rows.slice(0, 6).map((r) => r.name) };
  },
  copy: async ({ tx, from, to }) => {
    const rows = await tx
      .insert(stateIntro)
      .select(
        tx
          .select({
            editionId: sql<number>`${to.id}`.as("edition_id"),
            stateCode: stateIntro.stateCode,
            introDe: stateIntro.introDe,
            introEn: stateIntro.introEn,
            updatedAt: sql<Date>`now()`.as("updated_at"),
          })
          .from(stateIntro)
          .where(eq(stateIntro.editionId, from.id)),
      )
      .onConflictDoNothing()
      .returning({ stateCode: stateIntro.stateCode });
    return { count: rows.length, examples: rows.slice(0, 6).map((r) => r.stateCode) };
  },
};
