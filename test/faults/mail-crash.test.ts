import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPostgres, queryRows } from "../../src/db/client.ts";
import { mailJob } from "../../src/db/schema/index.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../throwaway-postgres.ts";
import { createDatabase, startServer } from "./server-process.ts";

let server: ThrowawayPostgres;
let database: Database;
let url: string;
let smtp: SMTPServer;
let smtpUrl: string;
/** Recipients of the messages the SMTP server accepted. */
const accepted: string[] = [];
/** While set, the server takes a message's data and never answers it: a send hangs, as on a stuck relay. */
let hang = true;
let hung = 0;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  url = await createDatabase(server, "cw_mail_crash");
  database = openPostgres(url, 2);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        if (hang) {
          hung++;
          return; // no reply: the sender waits until its process dies
        }
        accepted.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await database?.close();
  server?.close();
});

describe("the mail worker after a crash", () => {
  it("sends the mail it was sending when killed, and every other, once each, right after the restart", async () => {
    const first = await startServer({ DATABASE_URL: url, SMTP_URL: smtpUrl });
    const recipients = Array.from({ length: 5 }, (_, i) => `crash${i}@example.test`);
    await database.db
      .insert(mailJob)
      .values(recipients.map((recipient, i) => ({ recipient, subject: `Mail ${i}`, text: "t", html: "<p>h</p>" })));
    for (let waited = 0; hung === 0; waited += 50) {
      if (waited > 15_000) throw new Error("the worker never started sending");
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    expect(accepted).toEqual([]);

    hang = false;
    const second = await startServer({ DATABASE_URL: url, SMTP_URL: smtpUrl });
    try {
      // Not after a five-minute lease: the dead process's row lock went with its connection.
      for (let waited = 0; accepted.length < recipients.length; waited += 100) {
        if (waited > 20_000) throw new Error(`only ${accepted.length} of ${recipients.length} mails arrived`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
      expect([...accepted].sort()).toEqual([...recipients].sort());
      const unsent = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from mail_job where sent_at is null`);
      expect(unsent[0]?.n).toBe(0);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  });
});
