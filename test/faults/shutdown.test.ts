import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPostgres, queryRows } from "../../src/db/client.ts";
import { mailJob } from "../../src/db/schema/index.ts";
import { startSmtp, type TestSmtp } from "../smtp.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../throwaway-postgres.ts";
import { createDatabase, startServer } from "./server-process.ts";

let server: ThrowawayPostgres;
let smtp: TestSmtp;
let database: Database;
let url: string;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  smtp = await startSmtp();
  url = await createDatabase(server, "cw_shutdown");
  database = openPostgres(url, 2);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await smtp?.close();
  server?.close();
});

/** An HTTP request whose body arrives in two parts, `pauseMs` apart; resolves with the raw response. */
function slowRequest(port: number, body: string) {
  const socket = net.connect(port, "127.0.0.1");
  let response = "";
  socket.on("data", (chunk) => {
    response += chunk.toString();
  });
  const done = new Promise<string>((resolve) => socket.on("close", () => resolve(response)));
  socket.write(
    `POST /anmelden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(body.slice(0, 10));
  return { rest: () => socket.write(body.slice(10)), done };
}

describe("SIGTERM", () => {
  it("finishes the request in flight and the mail being sent, refuses new connections, and exits 0 within 10 s", async () => {
    const app = await startServer({ DATABASE_URL: url, SMTP_URL: smtp.url });
    const inFlight = slowRequest(app.port, "email=a%40example.test&password=falsch-falsch");
    await new Promise((r) => setTimeout(r, 300));
    // A queue longer than one run: the worker must stop after the send under way, not empty it.
    const rows = Array.from({ length: 300 }, (_, i) => ({
      recipient: `r${i}@example.test`,
      subject: `Mail ${i}`,
      text: "t",
      html: "<p>h</p>",
    }));
    await database.db.insert(mailJob).values(rows);
    // SIGTERM while the worker is sending (its poll picks the queue up within 3 s).
    for (let waited = 0; smtp.received.length === 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));

    const signalled = Date.now();
    app.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    const refused = await new Promise<boolean>((resolve) => {
      const probe = net.connect(app.port, "127.0.0.1");
      probe.on("connect", () => {
        probe.destroy();
        resolve(false);
      });
      probe.on("error", () => resolve(true));
    });
    inFlight.rest();
    const response = await inFlight.done;
    const code = await app.exited;
    const tookMs = Date.now() - signalled;

    expect(response).toMatch(/^HTTP\/1\.1 (200|303|403|422|429) /);
    expect(refused).toBe(true);
    expect(code, app.output().slice(-2000)).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    expect(app.output()).toContain("shutting down");

    // Every mail is either sent once and marked, or back in the queue due now — none leased away.
    const jobs = await queryRows<{ recipient: string; sent: boolean; due: boolean; attempts: number }>(
      database.db,
      (await import("drizzle-orm"))
        .sql`select recipient, sent_at is not null as sent, next_attempt_at <= now() as due, attempts from mail_job`,
    );
    const sent = jobs.filter((j) => j.sent).map((j) => j.recipient);
    const received = smtp.received.flatMap((m) => m.envelopeTo);
    expect(sent.length).toBeGreaterThan(0);
    expect(received.sort()).toEqual(sent.sort());
    expect(new Set(received).size).toBe(received.length);
    for (const j of jobs.filter((j) => !j.sent)) expect(j, j.recipient).toMatchObject({ due: true, attempts: 0 });
  });
});
