import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../../accounts/passwords.ts";
import type { FileStore } from "../../../storage/file-store.ts";
import { keyOfPublicPath } from "../../../storage/file-store.ts";
import { LocalFileStore } from "../../../storage/local-file-store.ts";
import { type Database, queryRows } from "../../client.ts";
import { startDatabase } from "../../start-database.ts";
import { demoAccounts } from "./demo-users.ts";
import { buildPreparedDemo, copyPreparedDemo, preparedDemoPending } from "./prepared-demo.ts";

const today = new Date("2026-12-01T09:00:00Z");
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `cw-prepared-${name}-`));

/**
 * Columns whose values no two seedings share, compared otherwise below: the clock at seeding (accounts,
 * the data version), random salts (password hashes: verified instead) and random file names (the files'
 * bytes are compared instead).
 */
const volatile: Record<string, string[]> = {
  user: ["password_hash", "created_at", "updated_at", "email_verified_at"],
  membership: ["created_at"],
  page: ["updated_at"],
  data_version: ["version", "changed_at", "changed_txid"],
  report_photo: ["path"],
  report: ["press_release_path", "press_release_preview_path"],
};

/** md5 over each table's rows (in a fixed order, ids included), without the volatile columns. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const columns = await queryRows<{ table_schema: string; table_name: string; column_name: string }>(
    database.db,
    sql`select c.table_schema, c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema in ('public', 'drizzle') order by c.table_schema, c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const { table_schema, table_name, column_name } of columns) {
    if (volatile[table_name]?.includes(column_name)) continue;
    const table = `"${table_schema}"."${table_name}"`;
    tables.set(table, [...(tables.get(table) ?? []), column_name]);
  }
  const result: Record<string, string> = {};
  for (const [table, names] of tables) {
    const row = `row(${names.map((n) => `t."${n}"`).join(", ")})::text`;
    const [hashed] = await queryRows<{ n: number; md5: string | null }>(
      database.db,
      sql.raw(`select count(*)::int as n, md5(string_agg(${row}, '|' order by ${row})) as md5 from ${table} t`),
    );
    result[table] = `${hashed?.n} ${hashed?.md5}`;
  }
  for (const s of await queryRows<{ name: string; last_value: string | null }>(
    database.db,
    sql`select schemaname || '.' || sequencename as name, last_value::text from pg_sequences`,
  ))
    result[`sequence ${s.name}`] = String(s.last_value);
  return result;
}

const bytesOf = async (store: FileStore, publicPath: string | null): Promise<string> => {
  if (!publicPath) return "none";
  const file = await store.read(keyOfPublicPath(publicPath));
  if (!file) return "missing";
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk as Buffer);
  return createHash("sha256").update(Buffer.concat(chunks)).digest("hex");
};

/** The reports' files by what they belong to (event, position), as hashes of their bytes in the store. */
async function reportFiles(database: Database, store: FileStore): Promise<string[]> {
  const rows = await queryRows<{ owner: string; path: string | null }>(
    database.db,
    sql`select r.event_id || ' photo ' || p.position as owner, p.path from report_photo p join report r on r.id = p.report_id
        union all select r.event_id || ' press', r.press_release_path from report r
        union all select r.event_id || ' press preview', r.press_release_preview_path from report r
        order by 1`,
  );
  return Promise.all(rows.map(async (r) => `${r.owner}: ${await bytesOf(store, r.path)}`));
}

type Started = Awaited<ReturnType<typeof startDatabase>> & { dataDir: string; store: FileStore };

async function start(dataDir: string, cacheRoot: string): Promise<Started> {
  const store = new LocalFileStore(dataDir);
  const started = await startDatabase({ databaseUrl: undefined, dataDir, seed: "demo" }, store, { cacheRoot, now: today });
  return { ...started, dataDir, store };
}

// The prepared demo is the embedded database's (a PGlite folder); on PostgreSQL the start seeds row by row.
describe.skipIf(process.env.TEST_DB_KIND === "postgres")(
  "the prepared demo (first start without seeding row by row)",
  { timeout: 240_000 },
  () => {
    const cacheRoot = tmp("cache");
    let rowByRow: Started;
    let prepared: Started;

    beforeAll(async () => {
      const { built } = await buildPreparedDemo(cacheRoot);
      expect(built).toBe(true);
      rowByRow = await start(tmp("rows"), tmp("no-cache"));
      prepared = await start(tmp("copy"), cacheRoot);
    }, 240_000);

    afterAll(async () => {
      await rowByRow?.database.close();
      await prepared?.database.close();
    });

    it("is used on a fresh DATA_DIR only when it exists for this code", () => {
      expect(rowByRow.usedPreparedDemo).toBe(false);
      expect(prepared.usedPreparedDemo).toBe(true);
      expect(preparedDemoPending(prepared.dataDir)).toBe(false);
    });

    it("yields the same rows as the row-by-row seed: every table, ids and sequences included", async () => {
      const [want, got] = [await fingerprint(rowByRow.database), await fingerprint(prepared.database)];
      expect(Object.keys(want).length).toBeGreaterThan(30);
      expect(Number(want['"public"."event"']?.split(" ")[0])).toBeGreaterThan(550);
      expect(got).toEqual(want);
    });

    it("puts the same report files into the app's store and prints the same demo accounts", async () => {
      const want = await reportFiles(rowByRow.database, rowByRow.store);
      expect(want).toHaveLength(5 * 2 + 5 * 2);
      expect(want.filter((line) => line.endsWith("missing"))).toEqual([]);
      expect(await reportFiles(prepared.database, prepared.store)).toEqual(want);
      expect(prepared.accounts).toEqual(rowByRow.accounts);
      expect(prepared.accounts).toEqual(demoAccounts());
    });

    it("keeps the demo passwords working", async () => {
      for (const account of demoAccounts()) {
        const [row] = await queryRows<{ password_hash: string }>(
          prepared.database.db,
          sql`select password_hash from "user" where email = ${account.email}`,
        );
        expect(await verifyPassword(row?.password_hash, account.password), account.email).toBe(true);
      }
    });

    it("seeds the upcoming edition at the next start when a start was interrupted after the copy", async () => {
      const dataDir = tmp("interrupted");
      const demo = (await buildPreparedDemo(cacheRoot)).demo;
      fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
      await copyPreparedDemo(demo, path.join(dataDir, "pglite"), new LocalFileStore(dataDir));
      expect(preparedDemoPending(dataDir)).toBe(true);
      // no prepared demo at hand this time: the marker alone says what is missing
      const again = await start(dataDir, tmp("no-cache"));
      try {
        expect(again.usedPreparedDemo).toBe(true);
        expect(preparedDemoPending(dataDir)).toBe(false);
        expect(await fingerprint(again.database)).toEqual(await fingerprint(rowByRow.database));
      } finally {
        await again.database.close();
      }
    });

    it("changes nothing on a restart", async () => {
      await prepared.database.close();
      const before = await fingerprint(rowByRow.database);
      prepared = await start(prepared.dataDir, cacheRoot);
      expect(prepared.usedPreparedDemo).toBe(false);
      expect(prepared.accounts).toEqual([]);
      expect(await fingerprint(prepared.database)).toEqual(before);
    });
  },
);
