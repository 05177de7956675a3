import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { openTestDatabase } from "./database.ts";

export type TestApp = { app: FastifyInstance; database: Database; close(): Promise<void> };

/**
 * The real app on a fresh copy of the seeded test database; requests go through app.inject or a real port.
 * `shared`: a second instance on another app's database (not closed with this app), as behind a load balancer.
 * `clock`: the app's time (embargoes, jobs), for tests that move it.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  shared?: Database,
  options: { clock?: () => Date } = {},
): Promise<TestApp> {
  const database = shared ?? (await openTestDatabase());
  // Uploads and the mail outbox go to a throwaway folder, never to the checkout's ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-test-"));
  // The public response cache is off unless a test asks for it (PUBLIC_CACHE: "on"): tests that change
  // data by SQL and read it back at once would otherwise see the cached page for up to a second.
  const config = loadConfig({ LOG_LEVEL: "silent", BASE_URL: "http://localhost:3000", DATA_DIR: dataDir, PUBLIC_CACHE: "off", ...env });
  const app = await buildApp({ config, database, ...options });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      if (!shared) await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Requests `url` from `app` until `done(body)`; the milliseconds it took, or an error after `ms`. */
export async function within(ms: number, app: FastifyInstance, url: string, done: (body: string) => boolean): Promise<number> {
  const start = Date.now();
  for (;;) {
    const response = await app.inject({ method: "GET", url });
    if (done(response.body)) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`${url} still stale after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
