import path from "node:path";
import { z } from "zod";
import { isTileUrlTemplate } from "./map/tile-settings.ts";
import type { S3Settings } from "./storage/s3-file-store.ts";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const url = (protocols: string[]) =>
  z
    .url({ error: `must be a URL starting with ${protocols.join(" or ")}` })
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), { error: `must start with ${protocols.join(" or ")}` });

/** Every environment variable the app reads (README "Configuration"); nothing else reads process.env. */
export const ConfigInput = z.object({
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 65535" })
    .max(65535, { error: "must be between 0 and 65535" })
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  BASE_URL: url(["http", "https"]).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: url(["postgres", "postgresql"]).optional(),
  SMTP_URL: url(["smtp", "smtps"]).optional(),
  SESSION_SECRET: z.string().min(32, { error: "must be at least 32 characters long" }).optional(),
  SEED: z.enum(["demo", "none"], { error: "must be demo or none" }).optional(),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(", ")}` }).default("info"),
  NODE_ENV: z.string().optional(),
  PUBLIC_CACHE: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  PUBLIC_CACHE_POLL_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int({ error: "must be a whole number" })
    .min(100, { error: "must be between 100 and 60000" })
    .max(60_000, { error: "must be between 100 and 60000" })
    .optional(),
  MAP_TILE_URL: z
    .string()
    .refine(isTileUrlTemplate, {
      error: "must be an http(s) URL template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png",
    })
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(500).optional(),
  METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters long" }).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_PORT: z.coerce
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 65535" })
    .max(65535, { error: "must be between 0 and 65535" })
    .optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, {
      error: "must be true, false, or a comma-separated list of proxy addresses/CIDRs",
    })
    .default("false"),
  S3_ENDPOINT: url(["http", "https"]).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens" })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_PATH_STYLE: z.enum(["true", "false"], { error: "must be true or false" }).default("true"),
});

/** Object storage is on when all four are set; some without the others is a mistake, not local disk. */
const S3_REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  sessionSecret: string | undefined;
  seed: "demo" | "none";
  logLevel: (typeof logLevels)[number];
  production: boolean;
  /** In-process cache of public responses (ARCHITECTURE.md "Caching"); off only for tests and debugging. */
  publicCache: boolean;
  /**
   * How often each instance polls data_version besides LISTEN/NOTIFY (default 500 ms); cached
   * answers stop after three missed polls. Longer only where NOTIFY reaches every instance.
   */
  publicCachePollMs: number | undefined;
  /** Tile server for the optional tile map on /programm/karte; unset: no tiles, no Leaflet. */
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
  /**
   * Which proxies to believe in X-Forwarded-For (Fastify's trustProxy). Off by default, so a client
   * cannot pick the address the rate limits count by; set it to the load balancer in production.
   */
  trustProxy: boolean | string;
  /** /metrics on the app's port answers only with this bearer token (404 when unset). */
  metricsToken: string | undefined;
  /** A separate listener for /metrics, without token (METRICS_HOST:METRICS_PORT); unset: none. */
  metricsHost: string;
  metricsPort: number | undefined;
  /** Uploads go to this S3-compatible bucket when set (S3_*), to DATA_DIR/uploads otherwise. */
  s3: S3Settings | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment once; throws ConfigError naming each bad variable and what it allows. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]));
  const parsed = ConfigInput.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "?");
        return `${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const s3Set = S3_REQUIRED.filter((name) => e[name] !== undefined);
  if (s3Set.length > 0 && s3Set.length < S3_REQUIRED.length) {
    throw new ConfigError(
      S3_REQUIRED.filter((name) => e[name] === undefined).map(
        (name) => `${name}: must be set too when ${s3Set.join(", ")} ${s3Set.length > 1 ? "are" : "is"} set (object storage)`,
      ),
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    sessionSecret: e.SESSION_SECRET,
    seed: e.SEED ?? (e.DATABASE_URL ? "none" : "demo"),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    publicCache: e.PUBLIC_CACHE === "on",
    publicCachePollMs: e.PUBLIC_CACHE_POLL_MS,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    metricsToken: e.METRICS_TOKEN,
    metricsHost: e.METRICS_HOST,
    metricsPort: e.METRICS_PORT,
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            region: e.S3_REGION,
            pathStyle: e.S3_PATH_STYLE === "true",
          }
        : undefined,
  };
}

function parseTrustProxy(value: string): boolean | string {
  if (value === "true") return true;
  if (value === "false") return false;
  return value;
}
