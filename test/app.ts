import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { openTestDatabase } from "./database.ts";

export type TestApp = { app: FastifyInstance; database: Database; close(): Promise<void> };

/** The real app on a fresh copy of the seeded test database; requests go through app.inject or a real port. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ LOG_LEVEL: "silent", BASE_URL: "http://localhost:3000", ...env });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
