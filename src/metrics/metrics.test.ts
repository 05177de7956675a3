import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";

const TOKEN = "metrics-token-0123456789";

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Parses the Prometheus text format (0.0.4): `name{a="b",…} value` lines, comments skipped. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
    samples.push({ name: match[1] ?? "", labels, value: Number(match[3]) });
  }
  return samples;
}

const sumOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe("/metrics", () => {
  let t: TestApp;
  const scrape = async () => {
    const response = await t.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(response.body);
  };
  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: TOKEN, PUBLIC_CACHE: "on" });
  });
  afterAll(() => t.close());

  it("answers 401 without the bearer token or with a wrong one", async () => {
    const none = await t.app.inject("/metrics");
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(none.body).not.toContain("cw_");
    const wrong = await t.app.inject({ url: "/metrics", headers: { authorization: "Bearer nope" } });
    expect(wrong.statusCode).toBe(401);
  });

  it("counts requests by route and status in a histogram", async () => {
    const before = await scrape();
    const labels = { route: "/veranstaltungen/:param", status: "404", method: "GET" };
    await t.app.inject("/veranstaltungen/999999999");
    await t.app.inject("/veranstaltungen/999999998");
    const after = await scrape();
    expect(
      sumOf(after, "cw_http_request_duration_seconds_count", labels) - sumOf(before, "cw_http_request_duration_seconds_count", labels),
    ).toBe(2);
    const inf = { ...labels, le: "+Inf" };
    expect(sumOf(after, "cw_http_request_duration_seconds_bucket", inf)).toBe(
      sumOf(after, "cw_http_request_duration_seconds_count", labels),
    );
    expect(sumOf(after, "cw_http_request_duration_seconds_sum", labels)).toBeGreaterThan(0);
  });

  it("counts public-cache hits and misses and programme-index builds", async () => {
    const before = await scrape();
    await t.app.inject("/programm?format=workshop");
    await t.app.inject("/programm?format=workshop");
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => sumOf(after, name, labels) - sumOf(before, name, labels);
    expect(delta("cw_public_cache_requests_total", { result: "miss" })).toBe(1);
    expect(delta("cw_public_cache_requests_total", { result: "hit" })).toBe(1);
    expect(sumOf(after, "cw_programme_index_build_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sumOf(after, "cw_programme_index_build_duration_seconds_sum")).toBeGreaterThan(0);
  });

  it("reports events by status and mail jobs by state as the database has them", async () => {
    const samples = await scrape();
    const rows = await queryRows<{ status: string; n: number }>(
      t.database.db,
      sql`select status::text, count(*)::int as n from event group by 1`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(sumOf(samples, "cw_events", { status: row.status }), row.status).toBe(row.n);
    for (const state of ["queued", "retrying", "failed", "sent"]) {
      expect(samples.some((s) => s.name === "cw_mail_jobs" && s.labels.state === state)).toBe(true);
    }
    expect(samples.some((s) => s.name === "cw_process_cpu_seconds_total")).toBe(true);
    if (t.database.kind === "postgres") expect(sumOf(samples, "cw_database_pool_connections", { state: "total" })).toBeGreaterThan(0);
  });
});

describe("/metrics without a token", () => {
  it("is 404 on the app's port, and served on its own listener when METRICS_PORT is set", async () => {
    const t = await createTestApp({ METRICS_PORT: "0" });
    try {
      expect((await t.app.inject("/metrics")).statusCode).toBe(404);
      const address = t.app.metricsAddress();
      expect(address?.address).toBe("127.0.0.1");
      const response = await fetch(`http://127.0.0.1:${address?.port}/metrics`);
      expect(response.status).toBe(200);
      expect(parseMetrics(await response.text()).some((s) => s.name === "cw_events")).toBe(true);
      expect((await fetch(`http://127.0.0.1:${address?.port}/`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
