import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { edition, page, pageRevision } from "../db/schema/index.ts";
import { rolloverSteps } from "../editions/rollover/rollover-steps.ts";
import { pagesStep, rolledSlug } from "./copy-pages.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function newEdition(year: number) {
  const [row] = await database.db
    .insert(edition)
    .values({ year, titleDe: `CW ${year}`, titleEn: `CW ${year}`, startsOn: `${year}-04-06`, endsOn: `${year}-04-15` })
    .returning();
  if (!row) throw new Error("no edition");
  return row;
}

describe("rolledSlug", () => {
  it("replaces the old year where it stands as a part of the slug, else appends the new one", () => {
    expect(rolledSlug("anreise-2043", 2043, 2044)).toBe("anreise-2044");
    expect(rolledSlug("2043-rueckblick", 2043, 2044)).toBe("2044-rueckblick");
    expect(rolledSlug("programmheft", 2043, 2044)).toBe("programmheft-2044");
    expect(rolledSlug("raum-120434", 2043, 2044)).toBe("raum-120434-2044");
    expect(rolledSlug("x".repeat(80), 2043, 2044)).toHaveLength(80);
  });
});

describe("pages rollover step", () => {
  it("copies the edition's own pages as drafts with a first revision, leaves global pages, and never twice", async () => {
    expect(rolloverSteps).toContain(pagesStep);
    const from = await newEdition(2043);
    const to = await newEdition(2044);
    await database.db.insert(page).values([
      {
        slug: "anreise-2043",
        editionId: from.id,
        titleDe: "Anreise",
        titleEn: "Getting there",
        bodyDe: "Mit der Bahn.",
        bodyEn: "By train.",
      },
      {
        slug: "programmheft",
        editionId: from.id,
        titleDe: "Programmheft",
        titleEn: "Booklet",
        bodyDe: "PDF folgt.",
        bodyEn: "",
        published: false,
      },
      { slug: "global-seite-2043", editionId: null, titleDe: "Für alle", titleEn: "For all", bodyDe: "x", bodyEn: "x" },
    ]);
    expect(await pagesStep.preview({ db: database.db, from })).toEqual({ count: 2, examples: ["Anreise", "Programmheft"] });

    const run = () => database.db.transaction((tx) => pagesStep.copy({ tx, from, to, shiftDays: 364, now: new Date() }));
    expect(await run()).toEqual({ count: 2, examples: ["Anreise", "Programmheft"] });
    expect((await run()).count).toBe(0);

    const copies = await database.db.select().from(page).where(eq(page.editionId, to.id)).orderBy(asc(page.slug));
    expect(copies.map((c) => [c.slug, c.titleEn, c.bodyDe, c.published, c.version])).toEqual([
      ["anreise-2044", "Getting there", "Mit der Bahn.", false, 1],
      ["programmheft-2044", "Booklet", "PDF folgt.", false, 1],
    ]);
    const revisions = await database.db
      .select()
      .from(pageRevision)
      .where(
        inArray(
          pageRevision.pageId,
          copies.map((c) => c.id),
        ),
      );
    expect(revisions.map((r) => [r.version, r.savedByName, r.published])).toEqual([
      [1, "Rollover", false],
      [1, "Rollover", false],
    ]);
    const originals = await database.db.select().from(page).where(eq(page.editionId, from.id));
    expect(originals.find((o) => o.slug === "anreise-2043")?.published).toBe(true);
    expect(await database.db.select().from(page).where(eq(page.slug, "global-seite-2043-2044"))).toEqual([]);
  });
});
