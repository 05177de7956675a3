import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, event, eventHistory, organisation } from "../db/schema/index.ts";
import { openEdition, orgIn } from "../event-form/event-form.fixtures.ts";
import { CLI_ACTOR_NAME } from "./import.cli.ts";
import { basicKeys, csvOf, validRow, xlsxOf } from "./import.fixtures.ts";
import { type CliDatabase, importTableCounts, openCliDatabase, runImportCli } from "./import-cli.fixtures.ts";

const YEAR = 2031;
const DAY = "2031-04-08";
let cli: CliDatabase;
let slug: string;
let orgId: number;

const file = (name: string, bytes: Buffer) => {
  const where = path.join(cli.dir, name);
  fs.writeFileSync(where, bytes);
  return where;
};
const run = (...args: string[]) => runImportCli(cli.env, args);
const counts = () => cli.use(importTableCounts);

beforeAll(async () => {
  cli = await openCliDatabase();
  await cli.use(async (db) => {
    await openEdition(db, {
      year: YEAR,
      startsOn: "2031-04-07",
      endsOn: "2031-04-16",
      submissionOpensAt: new Date(Date.now() - 86_400_000),
      submissionClosesAt: new Date(Date.now() + 60 * 86_400_000),
    });
    const org = await orgIn(db, "BW");
    slug = org.slug;
    orgId = org.id;
  });
});
afterAll(() => cli.close());

describe("npm run cli -- import (the real CLI in a child process)", () => {
  it("imports a clean sheet (exit 0) as the system, and a re-import changes exactly the changed row", { timeout: 240_000 }, async () => {
    const rows = [validRow("K-1", DAY), validRow("K-2", DAY, { titleDe: "Zweiter Termin" }), validRow("K-3", DAY, { titleDe: "Dritter" })];
    const sheet = file("clean.xlsx", await xlsxOf(basicKeys, rows));
    const first = await run(sheet, "--edition", String(YEAR), "--org", slug);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe("Imported 3 new and 0 changed events and submitted for review; 0 unchanged.\n");
    // Not a terminal: progress as plain lines on standard error, standard output stays clean.
    expect(first.stderr).toContain("check: 3/3 done");
    expect(first.stderr).toContain("import: 3/3 done");
    expect(first.stderr).toContain(": 3 new, 0 changed, 0 unchanged, 0 faulty.");

    rows[1] = { ...rows[1], "venue.city": "Esslingen", "venue.postalCode": "73728" };
    const second = await run(
      file("changed.csv", csvOf(basicKeys, rows, { encoding: "windows-1252", sepLine: true })),
      "--edition",
      String(YEAR),
      "--org",
      slug,
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe("Imported 0 new and 1 changed events and submitted for review; 2 unchanged.\n");

    await cli.use(async (db) => {
      const imported = await db
        .select()
        .from(event)
        .where(and(eq(event.organisationId, orgId), inArray(event.externalRef, ["K-1", "K-2", "K-3"])));
      expect(imported.map((e) => [e.externalRef, e.status]).sort()).toEqual([
        ["K-1", "submitted"],
        ["K-2", "submitted"],
        ["K-3", "submitted"],
      ]);
      const audit = await db.select().from(auditLog).where(eq(auditLog.action, "import.confirm"));
      expect(audit.map((a) => [a.actorId, a.actorName, a.summary])).toEqual([
        [null, CLI_ACTOR_NAME, "clean.xlsx: 3 new, 0 updated, 0 unchanged, 0 faulty"],
        [null, CLI_ACTOR_NAME, "changed.csv: 0 new, 1 updated, 2 unchanged, 0 faulty"],
      ]);
      const history = await db
        .select()
        .from(eventHistory)
        .where(
          inArray(
            eventHistory.eventId,
            imported.map((e) => e.id),
          ),
        );
      expect(history.every((h) => h.userId === null)).toBe(true);
      const k2 = imported.find((e) => e.externalRef === "K-2");
      expect(history.filter((h) => h.eventId === k2?.id).map((h) => h.action)).toEqual(["create", "submit", "update"]);
    });
  });

  it("lists every problem by row and column on standard error and writes nothing (exit 1)", { timeout: 240_000 }, async () => {
    const rows = [
      validRow("F-1", DAY),
      validRow("F-2", DAY, { start: "31.02.2031 10:00" }),
      validRow("F-3", DAY, { formatCode: "Tanzabend" }),
      validRow("F-4", DAY, { titleDe: "<script>alert(1)</script>", summaryDe: "" }),
    ];
    const before = await counts();
    const result = await run(file("faulty.xlsx", await xlsxOf(basicKeys, rows)), "--edition", String(YEAR), "--org", slug);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    const tableRows = result.stderr.split("\n").filter((l) => /^│\s*\d+\s*│/.test(l));
    const cells = tableRows.map((l) =>
      l
        .split("│")
        .map((c) => c.trim())
        .slice(1, 4),
    );
    expect(cells.filter((c) => c[2] === "error")).toEqual([
      ["3", "Beginn", "error"],
      ["4", "Format", "error"],
      ["5", "Kurzbeschreibung", "error"],
    ]);
    expect(result.stderr).toContain("Please give a date like 02.04.2019 10:00.");
    expect(result.stderr).toContain(": 1 new, 0 changed, 0 unchanged, 3 faulty.");
    expect(result.stderr).toContain("Nothing was imported: fix the problems above");
    expect(await counts()).toEqual(before);
  });

  it("shows what a dry run would do and writes nothing (exit 0); a refused file is a problem (exit 1)", { timeout: 240_000 }, async () => {
    const before = await counts();
    const dry = await run(
      file("dry.xlsx", await xlsxOf(basicKeys, [validRow("D-1", DAY)])),
      "--edition",
      String(YEAR),
      "--org",
      slug,
      "--dry-run",
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(": 1 new, 0 changed, 0 unchanged, 0 faulty.\nDry run: nothing was written.\n");
    const exe = await run(
      file("programme.xlsx", Buffer.from("MZ\x90\x00\x03\x00\x00\x00 not a sheet")),
      "--edition",
      String(YEAR),
      "--org",
      slug,
      "--lang",
      "de",
    );
    expect(exe.code, exe.stderr).toBe(1);
    expect(exe.stderr).toContain("Die Datei ist keine Tabelle (XLSX oder CSV).");
    expect(await counts()).toEqual(before);
  });

  it("exits with 2 and a message for usage mistakes, writing nothing", { timeout: 240_000 }, async () => {
    const sheet = file("usage.xlsx", await xlsxOf(basicKeys, [validRow("U-1", DAY)]));
    const before = await counts();
    const cases = [
      [[sheet, "--edition", "1999", "--org", slug], /Unknown edition 1999\. Editions: .*2019.*2031/],
      [[sheet, "--edition", "2017", "--org", slug], /Edition 2017 is archived/],
      [[sheet, "--edition", String(YEAR), "--org", "no-such-org"], /Unknown organisation "no-such-org"/],
      [[sheet, "--edition", String(YEAR)], /Say which organisation the events belong to: --org SLUG\./],
      [[path.join(cli.dir, "missing.xlsx"), "--edition", String(YEAR), "--org", slug], /Cannot read .*missing\.xlsx: ENOENT/],
      [[sheet, "--org", slug], /required option '--edition <year>' not specified/],
      [["--edition", String(YEAR)], /missing required argument 'file'/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, `${args.join(" ")}\n${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe("");
    }
    expect(await counts()).toEqual(before);
    const orgs = await cli.use((db) => db.select({ id: organisation.id }).from(organisation));
    expect(orgs.length).toBeGreaterThan(1);
  });
});
