import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousSession } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { openTestDatabase } from "../../test/database.ts";
import { freePort, startSmtp, type TestSmtp } from "../../test/smtp.ts";
import type { Database } from "../db/client.ts";
import { mailJob } from "../db/schema/index.ts";
import { enqueueMail } from "./enqueue-mail.ts";
import { type MailTemplate, renderMail } from "./mail-templates.ts";
import { createMailTransport } from "./mail-transport.ts";
import { createMailWorker } from "./mail-worker.ts";

const silent = { info() {}, warn() {}, error() {} };
const base = { baseUrl: "http://localhost:3000", dataDir: os.tmpdir() };

describe("mail through a real SMTP server", () => {
  let smtp: TestSmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("delivers the verification mail of a registration with a working link, in text and HTML", async () => {
    const s = await anonymousSession(t.app);
    const email = "smtp-neu@example.test";
    const res = await t.app.inject({
      method: "POST",
      url: "/registrieren",
      headers: { cookie: s.cookie },
      payload: { name: "Anna <b>Test</b>", email, password: "ein langes Passwort", language: "de", _csrf: s.csrf },
    });
    expect(res.statusCode).toBe(303);
    // Delivered by the worker started with the app (kicked by the enqueue), not by the test.
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
    expect(mail.from?.address).toBe("noreply@localhost");
    expect(mail.text).toContain("Hallo Anna <b>Test</b>,");
    expect(mail.html).toContain("Hallo Anna &lt;b&gt;Test&lt;/b&gt;,");
    expect(mail.html).not.toContain("<b>Test</b>");
    const link = mail.text?.match(/http:\/\/localhost:3000(\/konto\/bestaetigen\?token=[\w-]+)/)?.[1];
    expect(link).toBeTruthy();
    expect(mail.html).toContain(`href="http://localhost:3000${link}"`);
    const open = await t.app.inject({ method: "GET", url: link ?? "" });
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe("/anmelden?notice=verified");
    // The worker marks the job sent right after the server accepted it.
    await expect
      .poll(async () => (await t.database.db.select().from(mailJob).where(eq(mailJob.recipient, email)))[0], { timeout: 5000 })
      .toMatchObject({ sentAt: expect.any(Date), attempts: 1, lastError: null });
  });
});

describe("mail worker", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const queue = (to: string) =>
    enqueueMail({ db: database.db, to, language: "en", template: "generic", data: { subject: `Hello ${to}`, paragraphs: ["Body"] } });
  const job = async (id: number) => (await database.db.select().from(mailJob).where(eq(mailJob.id, id)))[0];
  const makeDue = (id: number) => database.db.update(mailJob).set({ nextAttemptAt: sql`now()` }).where(eq(mailJob.id, id));

  it("retries a mail the server refused, with backoff, and later succeeds", async () => {
    const smtp = await startSmtp();
    const worker = createMailWorker({ db: database.db, transport: createMailTransport({ ...base, smtpUrl: smtp.url }), log: silent });
    try {
      smtp.rejecting = true;
      const id = await queue("retry@example.test");
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      const failed = await job(id);
      expect(failed?.attempts).toBe(1);
      expect(failed?.sentAt).toBeNull();
      expect(failed?.lastError).toContain("451");
      // Backoff: not due again right away.
      expect((failed?.nextAttemptAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(20_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });

      smtp.rejecting = false;
      await makeDue(id);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect((await job(id))?.sentAt).toBeInstanceOf(Date);
      expect((await smtp.waitFor("retry@example.test")).subject).toBe("Hello retry@example.test");
    } finally {
      await worker.stop();
      await smtp.close();
    }
  });

  it("retries while the SMTP server is down and delivers once it is back", async () => {
    const port = await freePort();
    const worker = createMailWorker({
      db: database.db,
      transport: createMailTransport({ ...base, smtpUrl: `smtp://127.0.0.1:${port}` }),
      log: silent,
    });
    const id = await queue("down@example.test");
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect((await job(id))?.lastError).toMatch(/ECONNREFUSED|connect/i);
    const smtp = await startSmtp(port);
    try {
      await makeDue(id);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      await smtp.waitFor("down@example.test");
    } finally {
      await worker.stop();
      await smtp.close();
    }
  });

  it("gives up after five attempts", async () => {
    const port = await freePort();
    const worker = createMailWorker({
      db: database.db,
      transport: createMailTransport({ ...base, smtpUrl: `smtp://127.0.0.1:${port}` }),
      log: silent,
    });
    const id = await queue("never@example.test");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await makeDue(id);
      expect((await worker.runOnce()).failed).toBe(1);
    }
    await makeDue(id);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect((await job(id))?.attempts).toBe(5);
    await worker.stop();
  });

  it("lets two workers share the queue without sending a mail twice", async () => {
    const smtp = await startSmtp();
    const transport = () => createMailTransport({ ...base, smtpUrl: smtp.url });
    const a = createMailWorker({ db: database.db, transport: transport(), log: silent });
    const b = createMailWorker({ db: database.db, transport: transport(), log: silent });
    try {
      const recipients = Array.from({ length: 12 }, (_, i) => `pair${i}@example.test`);
      for (const to of recipients) await queue(to);
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(ra.sent + rb.sent).toBe(12);
      const delivered = smtp.received.flatMap((m) => m.envelopeTo).filter((to) => to.startsWith("pair"));
      expect(delivered.sort()).toEqual([...recipients].sort());
    } finally {
      await a.stop();
      await b.stop();
      await smtp.close();
    }
  });

  it("after a worker died mid-send (lease path, as on PGlite), only that mail waits: the others go out at once", async () => {
    const smtp = await startSmtp();
    let hung = 0;
    // Worker A's transport takes the mail and never answers: its process is as good as dead.
    const dead = createMailWorker({
      db: database.db,
      transport: { send: () => new Promise<never>(() => hung++), close: () => {} },
      log: silent,
    });
    const alive = createMailWorker({ db: database.db, transport: createMailTransport({ ...base, smtpUrl: smtp.url }), log: silent });
    try {
      const recipients = Array.from({ length: 5 }, (_, i) => `lease${i}@example.test`);
      const ids: number[] = [];
      for (const to of recipients) ids.push(await queue(to));
      void dead.runOnce();
      for (let waited = 0; hung === 0; waited += 20) {
        if (waited > 10_000) throw new Error("the first worker never started sending");
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await alive.runOnce()).toEqual({ sent: 4, failed: 0 });
      const delivered = smtp.received.flatMap((m) => m.envelopeTo).filter((to) => to.startsWith("lease"));
      const rows = await Promise.all(ids.map(job));
      const leased = rows.filter((r) => r?.sentAt === null);
      expect(leased).toHaveLength(1);
      // The mail being sent when the worker died is not sent again now (it may have gone out), only after its lease.
      expect(delivered).not.toContain(leased[0]?.recipient);
      expect(delivered.sort()).toEqual(recipients.filter((r) => r !== leased[0]?.recipient).sort());
      expect((leased[0]?.nextAttemptAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(4 * 60_000);
    } finally {
      await alive.stop();
      await smtp.close();
    }
  });

  it("writes a readable .eml to DATA_DIR/outbox without SMTP_URL", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-outbox-"));
    const worker = createMailWorker({
      db: database.db,
      transport: createMailTransport({ ...base, dataDir, smtpUrl: undefined }),
      log: silent,
    });
    try {
      await enqueueMail({
        db: database.db,
        to: "outbox@example.test",
        language: "de",
        template: "resetPassword",
        data: { name: "Jörg", link: "http://localhost:3000/passwort-neu?token=abc" },
      });
      expect((await worker.runOnce()).sent).toBeGreaterThanOrEqual(1);
      const files = fs.readdirSync(path.join(dataDir, "outbox")).filter((f) => f.endsWith(".eml"));
      const contents = files.map((f) => fs.readFileSync(path.join(dataDir, "outbox", f)));
      const parsed = await Promise.all(contents.map((c) => PostalMime.parse(c)));
      const mail = parsed.find((m) => m.to?.some((a) => "address" in a && a.address === "outbox@example.test"));
      expect(mail?.subject).toBe("Neues Passwort festlegen");
      expect(mail?.text).toContain("Hallo Jörg,");
      expect(mail?.text).toContain("http://localhost:3000/passwort-neu?token=abc");
      expect(mail?.html).toContain('href="http://localhost:3000/passwort-neu?token=abc"');
    } finally {
      await worker.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("mail templates", () => {
  it("renders every template in German and English, escaping all values in HTML", () => {
    const evil = '<img src=x onerror="alert(1)">';
    const mails: MailTemplate[] = [
      { template: "verifyEmail", data: { name: evil, link: "https://x.example/a" } },
      { template: "resetPassword", data: { name: evil, link: "https://x.example/a" } },
      { template: "changeEmail", data: { name: evil, link: "https://x.example/a" } },
      { template: "registrationAttempt", data: { name: evil, loginLink: "https://x.example/l", resetLink: "https://x.example/r" } },
      { template: "organisationInvitation", data: { organisation: evil, inviter: evil, link: "https://x.example/i", message: evil } },
      { template: "organisationConfirmed", data: { name: evil, organisation: evil, link: "https://x.example/o" } },
      {
        template: "generic",
        data: { subject: "Hi\r\nBcc: x@evil.example", paragraphs: [evil], action: { label: evil, url: "javascript:alert(1)" } },
      },
    ];
    for (const lang of ["de", "en"] as const) {
      for (const mail of mails) {
        const out = renderMail(lang, mail);
        expect(out.html, mail.template).not.toContain("<img");
        expect(out.html, mail.template).not.toContain("javascript:");
        expect(out.subject, mail.template).not.toMatch(/[\r\n]/);
        expect(out.text.length).toBeGreaterThan(20);
      }
    }
    const [verify] = mails;
    if (!verify) throw new Error("no template");
    expect(renderMail("en", verify).subject).toBe("Please confirm your e-mail address");
    expect(renderMail("de", verify).subject).toBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
  });
});
