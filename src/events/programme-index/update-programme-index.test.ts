import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { type Database, queryRows } from "../../db/client.ts";
import { buildProgrammeIndex, type ProgrammeIndex } from "./build-programme-index.ts";
import { readProgrammeChanges, updateProgrammeIndex } from "./update-programme-index.ts";

let database: Database;
let editions: number[];
let organisations: number[];

beforeAll(async () => {
  database = await openTestDatabase();
  editions = (await queryRows<{ id: number }>(database.db, sql`select id from edition order by year desc`)).map((r) => r.id);
  organisations = (await queryRows<{ id: number }>(database.db, sql`select id from organisation order by id limit 5`)).map((r) => r.id);
});
afterAll(async () => database?.close());

/** An index as plain data in programme order: what a full rebuild and an update must agree on. */
function describeIndex(index: ProgrammeIndex) {
  const lexemes = new Map<number, string[]>();
  for (const [lexeme, slots] of index.postings) {
    for (const slot of slots) {
      if (slot >= index.size || index.live[slot] !== 1) continue;
      const list = lexemes.get(slot) ?? [];
      list.push(lexeme);
      lexemes.set(slot, list);
    }
  }
  const { vocab } = index;
  const codes = (list: number[] | undefined, of: { codes: string[] }) => (list ?? []).map((n) => of.codes[n]);
  return [...index.order].map((slot) => {
    const org = vocab.org.codes[index.org[slot] as number] as string;
    return {
      id: index.ids[slot],
      starts: index.starts[slot],
      state: vocab.state.codes[index.state[slot] as number],
      mode: vocab.mode.codes[index.mode[slot] as number],
      format: vocab.format.codes[index.format[slot] as number],
      org,
      orgName: index.orgNames.get(org),
      free: index.free[slot],
      topics: codes(index.topics[slot], vocab.topic),
      targets: codes(index.targets[slot], vocab.target),
      days: codes(index.days[slot], vocab.day),
      languages: codes(index.languages[slot], vocab.language),
      lexemes: (lexemes.get(slot) ?? []).sort(),
    };
  });
}

const words = ["Wasserstoff", "Leichtbau", "Workshop", "Quantenchips", "Batteriezellen", "Robotik", "Kunststoff", "Netzwerk"];

/** One write a user, an import or an operator might make, as SQL (so every path that writes is covered). */
type Write =
  | { kind: "create"; pick: number; status: "draft" | "published"; word: number }
  | { kind: "title"; pick: number; word: number }
  | { kind: "start"; pick: number; hours: number }
  | { kind: "status"; pick: number; status: "draft" | "published" | "cancelled" }
  | { kind: "delete"; pick: number }
  | { kind: "edition"; pick: number; edition: number }
  | { kind: "organisation"; org: number; word: number }
  | { kind: "hidden"; pick: number; word: number };

const pick = fc.nat(1_000_000);
const word = fc.nat(words.length - 1);
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), pick, status: fc.constantFrom("draft" as const, "published" as const), word }),
  fc.record({ kind: fc.constant("title" as const), pick, word }),
  fc.record({ kind: fc.constant("start" as const), pick, hours: fc.integer({ min: -72, max: 72 }) }),
  fc.record({
    kind: fc.constant("status" as const),
    pick,
    status: fc.constantFrom("draft" as const, "published" as const, "cancelled" as const),
  }),
  fc.record({ kind: fc.constant("delete" as const), pick }),
  fc.record({ kind: fc.constant("edition" as const), pick, edition: fc.nat(3) }),
  fc.record({ kind: fc.constant("organisation" as const), org: fc.nat(4), word }),
  fc.record({ kind: fc.constant("hidden" as const), pick, word }),
);

async function eventAt(pickNumber: number): Promise<number> {
  const ids = await queryRows<{ id: number }>(
    database.db,
    sql`select id from event where revision_of is null and edition_id = any(${`{${editions.slice(0, 2).join(",")}}`}::int[]) order by id`,
  );
  return ids[pickNumber % ids.length]?.id ?? 0;
}

async function apply(w: Write): Promise<void> {
  const db = database.db;
  const text = words[w.kind === "organisation" || "word" in w ? (w as { word: number }).word : 0] as string;
  switch (w.kind) {
    case "create": {
      const from = await eventAt(w.pick);
      await db.execute(sql`insert into event (edition_id, organisation_id, slug, status, title_de, summary_de, format_code, mode,
          state_code, topics, target_groups, languages, is_free, starts_at, ends_at, days, search_extra)
        select edition_id, organisation_id, slug || '-copy', ${w.status}, ${`${text} neu`}, summary_de, format_code, mode,
          state_code, topics, target_groups, languages, is_free, starts_at, ends_at, days, search_extra
        from event where id = ${from}`);
      return;
    }
    case "title":
      await db.execute(sql`update event set title_de = ${`${text} ${w.pick}`} where id = ${await eventAt(w.pick)}`);
      return;
    case "start":
      await db.execute(sql`update event set starts_at = starts_at + make_interval(hours => ${w.hours}),
          ends_at = ends_at + make_interval(hours => ${w.hours}) where id = ${await eventAt(w.pick)}`);
      return;
    case "status":
      await db.execute(sql`update event set status = ${w.status} where id = ${await eventAt(w.pick)}`);
      return;
    case "delete":
      try {
        await db.execute(sql`delete from event where id = ${await eventAt(w.pick)}`);
      } catch (error) {
        // Rows of other tables (reports, the review log) may keep the event: then it stays.
        if (!String((error as { cause?: unknown }).cause ?? error).includes("foreign key")) throw error;
      }
      return;
    case "edition":
      await db.execute(sql`update event set edition_id = ${editions[w.edition % editions.length]} where id = ${await eventAt(w.pick)}`);
      return;
    case "organisation":
      await db.execute(
        sql`update organisation set name = ${`${text} GmbH`}, slug = ${`${text.toLowerCase()}-${w.org}`} where id = ${organisations[w.org % organisations.length]}`,
      );
      return;
    case "hidden": {
      // Triggers off (as a restore or replication would): data_version stays, the row still changes.
      const id = await eventAt(w.pick);
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update event set title_de = ${`${text} still`} where id = ${id}`);
      });
      return;
    }
  }
}

describe("updating the programme index", () => {
  // First, on an untouched copy: afterwards the events the other test wrote may be read again while an
  // older transaction runs anywhere in the cluster (the mark is the snapshot's xmin), which is harmless.
  it("reads only the changed events", async () => {
    const editionId = editions[0] as number;
    const index = await buildProgrammeIndex(database.db, editionId);
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from event where edition_id = ${editionId} order by id offset 3 limit 1`,
    );
    const id = row?.id ?? 0;
    await database.db.execute(sql`update event set status = 'published', title_de = 'Einzeländerung' where id = ${id}`);
    const changes = await readProgrammeChanges(database.db, index);
    expect(changes.upserts.map((r) => r.id)).toEqual([id]);
    expect(changes.removals).toEqual([]);
  });

  it("gives, after any sequence of creates, edits, publications, cancellations and deletions, what a full rebuild gives", async () => {
    const editionId = editions[0] as number;
    let index = await buildProgrammeIndex(database.db, editionId);
    let updates = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        for (const batch of batches) {
          for (const w of batch) await apply(w);
          const before = describeIndex(index);
          const next = await updateProgrammeIndex(database.db, index);
          // The version handed out before stays as it was (readers may still hold it).
          expect(describeIndex(index)).toEqual(before);
          index = next;
          updates++;
          expect(describeIndex(index)).toEqual(describeIndex(await buildProgrammeIndex(database.db, editionId)));
        }
      }),
      { numRuns: 12 },
    );
    expect(updates).toBeGreaterThan(12);
  }, 240_000);
});
