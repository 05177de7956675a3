import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { StartupError } from "./db/data-dir.ts";
import { formatDemoAccounts } from "./db/seed/demo/demo-users.ts";
import { startDatabase } from "./db/start-database.ts";
import { openFileStore } from "./storage/open-file-store.ts";

/** Starts the server; configuration and data-folder problems end with a message, not a stack trace. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const { database, seeded, accounts, usedPreparedDemo } = await startDatabase(config, openFileStore(config));
  const app = await buildApp({ config, database });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.baseUrl, database: database.kind, seeded, usedPreparedDemo, startupMs: Math.round(performance.now() - started) },
    `Clusterwoche is ready on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`,
  );
  // Once, when the demo accounts were just created: on stdout, readable, not only in the JSON log.
  if (accounts.length > 0) process.stdout.write(formatDemoAccounts(accounts));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    process.stderr.write(`Port already in use: ${(error as Error).message}. Set PORT to a free port.\n`);
    process.exit(2);
  }
  process.stderr.write(`Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
