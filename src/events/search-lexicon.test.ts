import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";
import { countProgrammeFacets, listProgrammeItems } from "./list-programme.ts";
import { emptyFilter } from "./programme-filter.ts";

let database: Database;
let editionId: number;
let year: number;
beforeAll(async () => {
  database = await openTestDatabase();
  const [edition] = await queryRows<{ id: number; year: number }>(
    database.db,
    sql`select id, year from edition order by year desc limit 1`,
  );
  if (!edition) throw new Error("the test database has no edition");
  editionId = edition.id;
  year = edition.year;
});
afterAll(async () => database?.close());

const db = () => database.db;
const inLexicon = async (word: string) =>
  (await queryRows<{ word: string }>(db(), sql`select word from search_lexicon where word = ${word}`)).length === 1;
const search = async (q: string) => (await countProgrammeFacets(db(), editionId, { ...emptyFilter(year), q })).total;

/** A published event of the current edition, renamed to carry a word no other event has. */
async function publishedEvent(): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db(),
    sql`select id from event where edition_id = ${editionId} and status = 'published' order by id limit 1`,
  );
  if (!row) throw new Error("no published event");
  return row.id;
}

describe("search lexicon", () => {
  it("holds the folded words of public events", async () => {
    expect(await inLexicon("workshop")).toBe(true);
    expect(await inLexicon("wurttemberg")).toBe(true);
    // Folded: no umlauts, no transliterations.
    const unfolded = await queryRows<{ word: string }>(db(), sql`select word from search_lexicon where word ~ '[äöüß]' limit 1`);
    expect(unfolded).toEqual([]);
  });

  it("gains the words of events that become public, whatever SQL writes them", async () => {
    const id = await publishedEvent();
    expect(await inLexicon("xylophonika")).toBe(false);
    await db().execute(sql`update event set title_de = title_de || ' Xylophonika' where id = ${id}`);
    expect(await inLexicon("xylophonika")).toBe(true);
    // A typo finds the new word, through the lexicon.
    expect(await search("Xylofonika")).toBe(1);

    // A draft's words stay out until it is published.
    const [draft] = await queryRows<{ id: number }>(
      db(),
      sql`insert into event (edition_id, organisation_id, slug, status, title_de, summary_de, format_code, state_code, starts_at, ends_at)
        select edition_id, organisation_id, slug || '-draft', 'draft', 'Zylinderkopf', summary_de, format_code, state_code, starts_at, ends_at
        from event where id = ${id} returning id`,
    );
    expect(await inLexicon("zylinderkopf")).toBe(false);
    await db().execute(sql`update event set status = 'published' where id = ${draft?.id ?? 0}`);
    expect(await inLexicon("zylinderkopf")).toBe(true);
    expect(await search("Zylinderkopf")).toBe(1);

    // Gone from the public: the word may stay in the lexicon, but nothing is found.
    await db().execute(sql`delete from event where id = ${draft?.id ?? 0}`);
    await db().execute(sql`update event set status = 'draft' where id = ${id}`);
    expect(await search("Zylinderkopf")).toBe(0);
    expect(await search("Xylophonika")).toBe(0);
    await db().execute(sql`update event set status = 'published', title_de = replace(title_de, ' Xylophonika', '') where id = ${id}`);
  });
});

describe("text search through the lexicon", () => {
  it("corrects typos to the words of the lexicon", async () => {
    const typo = await listProgrammeItems(db(), editionId, { ...emptyFilter(year), q: "Wokshop" }, { limit: 100, offset: 0 });
    expect(typo.length).toBeGreaterThan(0);
    expect(await search("Wokshop")).toBe(await search("Workshop"));
  });

  it("finds compounds that contain a word, and treats umlaut spellings alike", async () => {
    const [compound] = await queryRows<{ word: string }>(
      db(),
      sql`select word from search_lexicon where word like 'kunststoff_%' and word <> 'kunststoffe' order by word limit 1`,
    );
    expect(compound).toBeDefined();
    expect(await search("Kunststoff")).toBeGreaterThanOrEqual(await search(compound?.word ?? ""));
    const counts = await Promise.all(["Württemberg", "Wurttemberg", "Wuerttemberg"].map(search));
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });

  it("ignores stop words, and a text of stop words only narrows nothing", async () => {
    const all = await search("");
    expect(await search("die und der")).toBe(all);
    expect(await search("Kunststoff und die")).toBe(await search("Kunststoff"));
  });

  it("requires every word to match", async () => {
    expect(await search("Kunststoff Xylophonika")).toBe(0);
  });

  it("matches rows by the full-text query only, never by trigram similarity on event rows", async () => {
    const plan = await queryRows<{ "QUERY PLAN": string }>(
      db(),
      sql`explain select id from event e where e.edition_id = ${editionId} and e.search_vector @@ (select cw_search_query(array['Wokshop']))`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).not.toMatch(/search_words/);
    expect(text).toMatch(/search_vector @@/);
  });
});
