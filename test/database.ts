import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../src/db/client.ts";
import { withDatabase } from "./global-setup-postgres.ts";

/**
 * A fresh copy of the seeded template for one test file: PGlite loaded from the dump, or a new
 * PostgreSQL database created from the template (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB_KIND === "postgres") return openPostgresCopy();
  const file = inject("pgliteTemplate");
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}

const urls = new WeakMap<Database, string>();

/**
 * Another handle on a test database, as a second app instance (another process) would open:
 * on PostgreSQL its own pool and connections; PGlite admits one process, so there the same handle.
 * Close it before the database itself.
 */
export function openSecondHandle(database: Database): Database {
  const url = urls.get(database);
  if (!url) return { ...database, close: async () => {} };
  return openPostgres(url, 4);
}

async function openPostgresCopy(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const template = inject("postgresTemplate");
  const name = `cw_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Two workers copying the same template at once can collide; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 200 + attempt * 100));
    }
  }
  const database = openPostgres(withDatabase(url, name), 4);
  const copy = {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
  urls.set(copy, withDatabase(url, name));
  return copy;
}

/** The connection string of a PostgreSQL test database, for a child process (the CLI); undefined on PGlite. */
export const connectionStringOf = (database: Database): string | undefined => urls.get(database);
