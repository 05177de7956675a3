import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPlan } from "../db/schema/index.ts";
import { openEdition, orgIn } from "../event-form/event-form.fixtures.ts";
import { basicKeys, type Row, validRow, xlsxOf } from "./import.fixtures.ts";
import { type CliDatabase, importTableCounts, openCliDatabase, runImportCli, startImportCli } from "./import-cli.fixtures.ts";

// Issue #9.6: a confirmed import is one transaction. The CLI is a real process, so it can be killed
// (SIGKILL, no chance to clean up) while it is writing, and the database must show none of it.
const YEAR = 2033;
const ROWS = 3000;
let cli: CliDatabase;
let slug: string;

beforeAll(async () => {
  cli = await openCliDatabase();
  await cli.use(async (db) => {
    await openEdition(db, {
      year: YEAR,
      startsOn: "2033-04-04",
      endsOn: "2033-04-13",
      submissionOpensAt: new Date(Date.now() - 86_400_000),
      submissionClosesAt: new Date(Date.now() + 60 * 86_400_000),
    });
    slug = (await orgIn(db, "BW")).slug;
  });
});
afterAll(() => cli.close());

describe("kill -9 during a command-line import", () => {
  it("leaves no event, date, history or audit row; the same sheet imports completely afterwards", { timeout: 600_000 }, async () => {
    const rows: Row[] = Array.from({ length: ROWS }, (_, i) =>
      validRow(`KILL-${i + 1}`, `2033-04-${String(4 + (i % 10)).padStart(2, "0")}`, {
        titleDe: `Veranstaltung ${i + 1} ${i % 7 ? "Forum" : "Labor"}`,
      }),
    );
    const file = path.join(cli.dir, "large.xlsx");
    fs.writeFileSync(file, await xlsxOf(basicKeys, rows));
    const before = await cli.use(importTableCounts);

    const { child, done } = startImportCli(cli.env, [file, "--edition", String(YEAR), "--org", slug]);
    let stderr = "";
    // The first progress line of the import step: the transaction is open and the first slice written.
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        const saved = /import: (\d+)\/(\d+) saved/.exec(stderr);
        if (saved && Number(saved[1]) > 0 && Number(saved[1]) < ROWS) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`the CLI ended before it could be killed:\n${stderr}`)));
    });
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).toBe("");

    const after = await cli.use(importTableCounts);
    // Only the stored preview remains (written before the transaction, still pending; housekeeping removes it when it expires).
    expect(after).toEqual({ ...before, importPlan: before.importPlan + 1 });
    const plans = await cli.use((db) =>
      db.select({ status: importPlan.status }).from(importPlan).where(eq(importPlan.fileName, "large.xlsx")),
    );
    expect(plans).toEqual([{ status: "pending" }]);

    const again = await runImportCli(cli.env, [file, "--edition", String(YEAR), "--org", slug]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`Imported ${ROWS} new and 0 changed events and submitted for review; 0 unchanged.\n`);
    const complete = await cli.use(importTableCounts);
    expect(complete.event).toBe(before.event + ROWS);
    expect(complete.eventSession).toBe(before.eventSession + ROWS);
    expect(complete.eventHistory).toBe(before.eventHistory + 2 * ROWS);
    expect(complete.auditLog).toBe(before.auditLog + 1);
  });
});
