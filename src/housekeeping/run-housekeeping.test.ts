import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { hashToken } from "../accounts/tokens.ts";
import type { Database } from "../db/client.ts";
import {
  accountToken,
  apiToken,
  edition,
  event,
  eventHistory,
  importPlan,
  mailJob,
  organisation,
  session,
  user,
} from "../db/schema/index.ts";
import { findPlan, PLAN_LIFETIME_MS, storePlan } from "../imports/import-plan.ts";
import { createScheduler } from "../jobs/scheduler.ts";
import { LocalFileStore } from "../storage/local-file-store.ts";
import { runHousekeeping } from "./run-housekeeping.ts";

const now = new Date("2027-04-10T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const hour = 3_600_000;
const day = 24 * hour;

let database: Database;
let dataDir: string;
let userId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-housekeeping-"));
  const db = database.db;
  // Only what this file writes counts.
  for (const table of [session, apiToken, accountToken, mailJob, importPlan]) await db.delete(table);
  const [row] = await db.insert(user).values({ email: "hk@example.test", name: "HK" }).returning({ id: user.id });
  userId = row?.id ?? 0;
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const token = () => hashToken(randomBytes(8).toString("hex"));

/** A file under DATA_DIR/uploads with its modification time `age` before the pinned clock. */
function upload(name: string, age: number): string {
  const file = path.join(dataDir, "uploads", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "x");
  const t = ago(age);
  fs.utimesSync(file, t, t);
  return file;
}
const uploadName = () => `${randomBytes(16).toString("hex")}.webp`;

describe("runHousekeeping", () => {
  it("deletes expired and idle sessions, expired tokens and sent mail over 30 days old, and keeps the rest", async () => {
    const db = database.db;
    await db.insert(session).values([
      { tokenHash: "expired", userId, expiresAt: ago(1000), lastSeenAt: ago(hour) },
      { tokenHash: "idle", userId, expiresAt: new Date(now.getTime() + hour), lastSeenAt: ago(2 * hour + 1000) },
      { tokenHash: "live", userId, expiresAt: new Date(now.getTime() + hour), lastSeenAt: ago(60_000) },
    ]);
    await db.insert(apiToken).values([
      { userId, name: "abgelaufen", tokenHash: token(), prefix: "cwt_a", expiresAt: ago(1000) },
      { userId, name: "gültig", tokenHash: token(), prefix: "cwt_b", expiresAt: new Date(now.getTime() + day) },
      { userId, name: "unbefristet", tokenHash: token(), prefix: "cwt_c", expiresAt: null },
    ]);
    await db.insert(accountToken).values([
      { tokenHash: token(), userId, purpose: "reset_password", expiresAt: ago(1000) },
      { tokenHash: token(), userId, purpose: "verify_email", expiresAt: new Date(now.getTime() + hour) },
    ]);
    const mail = (sentAt: Date | null, createdAt: Date) => ({
      recipient: "a@example.test",
      subject: "s",
      text: "t",
      html: "h",
      sentAt,
      createdAt,
    });
    await db.insert(mailJob).values([
      mail(ago(31 * day), ago(31 * day)),
      mail(ago(29 * day), ago(29 * day)),
      mail(null, ago(40 * day)), // never sent (given up): kept for the operator to see
    ]);

    const counts = await runHousekeeping({ db, store: new LocalFileStore(dataDir), now });

    expect(counts).toEqual({ sessions: 2, apiTokens: 1, accountTokens: 1, mailJobs: 1, importPlans: 0, uploads: 0 });
    expect((await db.select({ h: session.tokenHash }).from(session)).map((r) => r.h)).toEqual(["live"]);
    expect((await db.select({ n: apiToken.name }).from(apiToken)).map((r) => r.n).sort()).toEqual(["gültig", "unbefristet"]);
    expect(await db.select().from(accountToken)).toHaveLength(1);
    expect(await db.select().from(mailJob)).toHaveLength(2);
    // A second run finds nothing more.
    expect(await runHousekeeping({ db, store: new LocalFileStore(dataDir), now })).toEqual({
      sessions: 0,
      apiTokens: 0,
      accountTokens: 0,
      mailJobs: 0,
      importPlans: 0,
      uploads: 0,
    });
  });

  it("deletes import previews past their expiry, confirmed or not, through the import's own verbs", async () => {
    const db = database.db;
    const [org] = await db.select().from(organisation).where(eq(organisation.stateCode, "BW")).orderBy(organisation.id).limit(1);
    const [ed] = await db.select().from(edition).orderBy(desc(edition.year)).limit(1);
    if (!org || !ed) throw new Error("no demo data");
    const body = { sheetProblems: [], headers: {}, entries: [], counts: { new: 0, changed: 0, unchanged: 0, faulty: 0 } };
    const plan = (createdAt: Date) =>
      storePlan(db, { organisationId: org.id, editionId: ed.id, userId, fileName: "s.xlsx", importAs: "draft", body, now: createdAt });
    const expired = await plan(ago(PLAN_LIFETIME_MS + 1000));
    const expiredConfirmed = await plan(ago(PLAN_LIFETIME_MS + 1000));
    await db
      .update(importPlan)
      .set({ status: "confirmed", confirmedAt: ago(PLAN_LIFETIME_MS) })
      .where(eq(importPlan.id, expiredConfirmed));
    const live = await plan(ago(PLAN_LIFETIME_MS - 60_000));

    const counts = await runHousekeeping({ db, store: new LocalFileStore(dataDir), now });

    expect(counts.importPlans).toBe(2);
    expect(await findPlan(db, expired)).toBeUndefined();
    expect(await findPlan(db, expiredConfirmed)).toBeUndefined();
    expect((await findPlan(db, live))?.status).toBe("pending");
    expect((await runHousekeeping({ db, store: new LocalFileStore(dataDir), now })).importPlans).toBe(0);
  });

  it("removes uploads older than a day that no row mentions, and keeps referenced, recent and hidden files", async () => {
    const db = database.db;
    const [ev] = await db.select().from(event).orderBy(event.id).limit(1);
    const [org] = await db.select().from(organisation).orderBy(organisation.id).limit(1);
    if (!ev || !org) throw new Error("no demo data");
    const eventImage = uploadName();
    const logo = uploadName();
    const inText = uploadName();
    const onlyInHistory = uploadName();
    const orphan = uploadName();
    const fresh = uploadName();
    await db
      .update(event)
      .set({ imageUrl: `/uploads/${eventImage}` })
      .where(eq(event.id, ev.id));
    await db
      .update(organisation)
      .set({ logoUrl: `/uploads/${logo}` })
      .where(eq(organisation.id, org.id));
    await db
      .update(event)
      .set({ descriptionDe: sql`${event.descriptionDe} || ${`\n\nPlan: https://example.test/uploads/${inText}.`}` })
      .where(eq(event.id, ev.id));
    await db.insert(eventHistory).values({
      eventId: ev.id,
      userId,
      action: "update",
      changes: [{ field: "imageUrl", old: `/uploads/${onlyInHistory}`, new: `/uploads/${eventImage}` }],
    });
    const files = {
      eventImage: upload(eventImage, 3 * day),
      logo: upload(logo, 3 * day),
      inText: upload(inText, 3 * day),
      onlyInHistory: upload(onlyInHistory, 3 * day),
      orphan: upload(orphan, day + 1000),
      orphanInFolder: upload(`reports/${uploadName()}`, 3 * day),
      fresh: upload(fresh, day - 60_000),
      hidden: upload(".keep", 3 * day),
    };

    const counts = await runHousekeeping({ db, store: new LocalFileStore(dataDir), now });

    expect(counts.uploads).toBe(3);
    const left = Object.entries(files)
      .filter(([, file]) => fs.existsSync(file))
      .map(([k]) => k);
    expect(left.sort()).toEqual(["eventImage", "fresh", "hidden", "inText", "logo"]);
  });

  it("copes with a data folder that has no uploads yet", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "cw-housekeeping-empty-"));
    try {
      expect((await runHousekeeping({ db: database.db, store: new LocalFileStore(empty), now })).uploads).toBe(0);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("the scheduler", () => {
  it("runs a due job on one instance only, once per period, and logs its counts", async () => {
    const logged: unknown[] = [];
    const log = { info: (o: unknown) => logged.push(o), warn() {}, error() {} };
    let runs = 0;
    const job = {
      name: `test-${randomBytes(4).toString("hex")}`,
      everyMs: hour,
      run: async () => ({ removed: ++runs }),
    };
    const a = createScheduler({ db: database.db, log, jobs: [job] });
    const b = createScheduler({ db: database.db, log, jobs: [job] });
    expect(await a.runDue(now)).toEqual({ [job.name]: { removed: 1 } });
    expect(await b.runDue(now)).toEqual({});
    expect(await b.runDue(new Date(now.getTime() + hour - 1000))).toEqual({});
    expect(await b.runDue(new Date(now.getTime() + hour))).toEqual({ [job.name]: { removed: 2 } });
    expect(runs).toBe(2);
    expect(logged).toEqual([
      expect.objectContaining({ job: job.name, removed: 1 }),
      expect.objectContaining({ job: job.name, removed: 2 }),
    ]);
  });

  it("records a failing job's error and runs it again in the next period", async () => {
    const errors: unknown[] = [];
    const log = { info() {}, warn() {}, error: (o: unknown) => errors.push(o) };
    const name = `failing-${randomBytes(4).toString("hex")}`;
    const scheduler = createScheduler({
      db: database.db,
      log,
      jobs: [{ name, everyMs: hour, run: async () => Promise.reject(new Error("disk full")) }],
    });
    expect(await scheduler.runDue(now)).toEqual({});
    expect(errors).toEqual([expect.objectContaining({ job: name, err: "disk full" })]);
    const rows = await database.db.execute(sql`select last_result from scheduled_job where name = ${name}`);
    expect((rows as unknown as { rows: { last_result: unknown }[] }).rows[0]?.last_result).toEqual({ error: "disk full" });
  });
});
