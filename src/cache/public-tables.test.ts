import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import { type Database, queryRows } from "../db/client.ts";

/**
 * Tables whose rows no public response shows: writing them must not empty every instance's
 * cache (sessions are written on every signed-in request). Every other table needs the
 * data_version trigger: a new one gets `SELECT cw_watch_table('name');` in a custom migration,
 * or a line here saying why the public never sees it.
 */
const privateTables = new Set([
  "data_version", // the version itself
  "user", // accounts: e-mail, password hash, names of organisers
  "membership", // who may edit which organisation
  "coordinator_state", // who coordinates which state
  "session", // sign-in sessions
  "account_token", // e-mail verification and password reset
  "api_token", // personal API tokens (hashed)
  "organisation_invitation", // pending membership invitations
  "mail_job", // outgoing mail queue
  "event_history", // the moderation log of an event, shown only to its organisers and coordinators
  "review_decision", // reviewers' decisions and messages, shown to organisers and reviewers only
  "reject_reason", // editors' standard rejection reasons
  "audit_log", // privileged actions, for editors and coordinators
  "notification_log", // which digest and reminder mails went out
  "scheduled_job", // when each periodic job last ran
  "report_decision", // reviewers' decisions and messages on reports, for organisers and reviewers
  "page_revision", // the saved versions of editor-written pages, shown in the back office only
  "rate_limit_hit", // rate-limit counters of logins, registrations and reset requests (written on every attempt)
  "import_plan", // spreadsheet import previews, seen only by the importing organisation's people
]);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe("data_version triggers", () => {
  it("watch every table except the listed private ones", async () => {
    const tables = await queryRows<{ name: string; watched: boolean }>(
      database.db,
      sql`select c.relname as name,
                 exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'cw_data_version') as watched
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    const unwatched = tables.filter((t) => !t.watched && !privateTables.has(t.name)).map((t) => t.name);
    expect(unwatched, "public tables without the cw_data_version trigger").toEqual([]);
    const watchedPrivate = tables.filter((t) => t.watched && privateTables.has(t.name)).map((t) => t.name);
    expect(watchedPrivate, "private tables that would empty the cache on every write").toEqual([]);
    expect(tables.filter((t) => t.watched).map((t) => t.name)).toEqual(expect.arrayContaining(["event", "event_session", "edition"]));
  });

  it("bump the version on every statement, its time once per transaction, and ignore private tables", async () => {
    const read = async () =>
      (
        await queryRows<{ version: string; changed_at: string }>(database.db, sql`select version::text, changed_at::text from data_version`)
      )[0];
    const before = await read();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update venue set name = name where id = (select min(id) from venue)`);
      await tx.execute(sql`update topic set name_de = name_de`);
    });
    const after = await read();
    expect(Number(after?.version)).toBe(Number(before?.version) + 2);
    // At least a second later than the previous change, so Last-Modified always moves.
    expect(new Date(after?.changed_at ?? "").getTime() - new Date(before?.changed_at ?? "").getTime()).toBeGreaterThanOrEqual(1000);
    await database.db.execute(sql`update session set last_seen_at = now()`);
    expect((await read())?.version).toBe(after?.version);
  });
});
