import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { Registry } from "prom-client";
import { registerDatabaseGauges } from "./database-gauges.ts";
import { httpRequestDuration, processRegistry } from "./metrics.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The address of the separate metrics listener (METRICS_PORT), once the app is ready; else null. */
    metricsAddress(): AddressInfo | null;
  }
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * /metrics in Prometheus format (README "Monitoring"): on the app's own port only with
 * `Authorization: Bearer METRICS_TOKEN` (401 without it, 404 when no token is configured), and
 * without a token on the separate listener METRICS_HOST:METRICS_PORT when that is set.
 */
export function registerMetrics(app: FastifyInstance): void {
  const appRegistry = new Registry();
  registerDatabaseGauges(appRegistry, app.database);
  const scrape = async () => {
    const merged = Registry.merge([processRegistry, appRegistry]);
    return { body: await merged.metrics(), contentType: processRegistry.contentType };
  };

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    httpRequestDuration.observe({ method: request.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
  });

  const token = app.config.metricsToken;
  const expected = token === undefined ? undefined : digest(token);
  app.get("/metrics", async (request, reply) => {
    if (expected === undefined) return reply.callNotFound();
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="metrics"')
        .send({ error: { code: "unauthenticated", message: "Bearer token required", fields: {} } });
    }
    const { body, contentType } = await scrape();
    return reply.header("content-type", contentType).header("cache-control", "no-store").send(body);
  });

  let server: http.Server | null = null;
  app.decorate("metricsAddress", () => (server?.address() as AddressInfo | null) ?? null);
  const port = app.config.metricsPort;
  if (port === undefined) return;
  app.addHook("onReady", async () => {
    server = http.createServer((req, res) => {
      if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
        return;
      }
      scrape().then(
        ({ body, contentType }) => res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body),
        (error: unknown) => {
          app.log.warn({ err: error }, "metrics scrape failed");
          res.writeHead(500, { "content-type": "text/plain" }).end("Metrics unavailable\n");
        },
      );
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(port, app.config.metricsHost, () => resolve());
    });
    app.log.info({ address: listening.address() }, "metrics listening");
  });
  app.addHook("onClose", async () => {
    const listening = server;
    if (listening) await new Promise<void>((resolve) => listening.close(() => resolve()));
  });
}
