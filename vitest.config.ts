import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const shared = { testTimeout: 60_000, hookTimeout: 120_000, pool: "forks" as const };

// Every test runs on the embedded PGlite; with TEST_DATABASE_URL the database-facing tests
// (everything under src/) run a second time on that PostgreSQL server.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on CI's 2 cores one file at a time, while
    // most files spend much of their time waiting on PostgreSQL, Chromium or sockets. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: "pglite",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
          env: { TEST_DB_KIND: "pglite" },
          globalSetup: ["test/global-setup-pglite.ts"],
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                name: "postgres",
                include: ["src/**/*.test.{ts,tsx}"],
                env: { TEST_DB_KIND: "postgres" },
                globalSetup: ["test/global-setup-postgres.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
