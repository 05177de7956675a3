import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { registerMailWorker } from "../mail/mail.plugin.ts";
import { registerCsrf } from "./csrf.ts";
import { registerLoginPages, registerMyAreaFallback } from "./login.pages.tsx";
import { registerOwnDataPages } from "./own-data.pages.tsx";
import { registerPasswordPages } from "./password.pages.tsx";
import { databaseRateLimitStore } from "./rate-limit-store.ts";
import { registerRegistrationPages } from "./register.pages.tsx";
import { registerSessions } from "./sessions.ts";
import { registerSettingsPages } from "./settings.pages.tsx";

/**
 * Sessions (onRequest → request.actor), rate limiting (per route only) and the CSRF check
 * (preHandler). Register before any feature so their routes get the hooks.
 */
export async function registerAccounts(app: FastifyInstance): Promise<void> {
  await registerSessions(app);
  await app.register(rateLimit, {
    global: false,
    // Counted in the database, so limits add up across every instance on one PostgreSQL.
    store: databaseRateLimitStore(app.database.db),
    // Thrown into the error handler, which answers 429 with a page (JSON under /api/).
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests, retry in ${context.after}`), { statusCode: 429 }),
  });
  registerCsrf(app);
  registerMailWorker(app);
}

/** The account pages; call after the other features so /mein-bereich falls back only when unclaimed. */
export function registerAccountPages(app: FastifyInstance): void {
  registerLoginPages(app);
  registerRegistrationPages(app);
  registerPasswordPages(app);
  registerSettingsPages(app);
  registerOwnDataPages(app);
  registerMyAreaFallback(app);
}
