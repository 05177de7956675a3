import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import sharp from "sharp";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/app.ts";
import { openTestDatabase } from "../../test/database.ts";
import { withDatabase } from "../../test/global-setup-postgres.ts";
import { type Database, openDatabase, openPostgres, queryRows } from "../db/client.ts";
import { storeImage } from "../media/store-image.ts";
import { LocalFileStore } from "../storage/local-file-store.ts";
import { BackupError } from "./backup-manifest.ts";
import { listBackupTables } from "./backup-tables.ts";
import { restoreBackup } from "./restore-backup.ts";
import { writeBackup } from "./write-backup.ts";

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const cleanup: (() => Promise<void>)[] = [];

/** An empty target: a fresh PostgreSQL database, or a fresh DATA_DIR with the embedded database. */
async function openFreshTarget(): Promise<{ database: Database; dataDir: string }> {
  const dataDir = tmp("cw-restore-");
  let database: Database;
  if (process.env.TEST_DB_KIND === "postgres") {
    const url = process.env.TEST_DATABASE_URL ?? "";
    const name = `cw_restore_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const opened = openPostgres(withDatabase(url, name), 4);
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  } else {
    database = await openDatabase({ dataDir });
  }
  cleanup.push(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { database, dataDir };
}

let source: Database;
const sourceDir = tmp("cw-backup-source-");
const work = tmp("cw-backup-files-");
let uploads: string[];
beforeAll(async () => {
  source = await openTestDatabase();
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a6" } })
    .png()
    .toBuffer();
  const image = await storeImage(new LocalFileStore(sourceDir), png);
  fs.mkdirSync(path.join(sourceDir, "uploads", "documents"), { recursive: true });
  fs.writeFileSync(path.join(sourceDir, "uploads", "documents", "programm.pdf"), randomBytes(70_000));
  // The image is served at /uploads/; the nested file stands for other kinds of upload (compared on disk).
  uploads = [image.path.replace(/^\/uploads\//, ""), "documents/programm.pdf"];
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await source?.close();
  for (const dir of [sourceDir, work]) fs.rmSync(dir, { recursive: true, force: true });
});

const compared = [
  "/programm",
  "/programm?lang=en&state=BW",
  "/feeds/events.ics?edition=2019",
  "/api/v1/events?pageSize=100",
  "/api/v1/organisations",
  "/organisationen",
];

async function responses(database: Database, dataDir: string, urls: string[]) {
  const t = await createTestApp({ DATA_DIR: dataDir }, database);
  try {
    const out: Record<string, { status: number; body: Buffer }> = {};
    for (const url of urls) {
      const response = await t.app.inject({ method: "GET", url });
      out[url] = { status: response.statusCode, body: response.rawPayload };
    }
    return out;
  } finally {
    await t.close();
  }
}

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await listBackupTables(database.db)) {
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.identifier(t.name)}`);
    counts[t.name] = Number(row?.n);
  }
  return counts;
}

describe("backup and restore", () => {
  const file = path.join(work, "site.tar.gz");
  let target: { database: Database; dataDir: string };

  it("round trip into a fresh target: pages, ICS, API and every upload byte-identical", async () => {
    const [event] = await queryRows<{ id: number; slug: string }>(
      source.db,
      sql`select id, slug from event where status = 'published' order by id limit 1`,
    );
    const urls = [...compared, `/veranstaltungen/${event?.id}-${event?.slug}`, `/uploads/${uploads[0]}`];
    const before = await responses(source, sourceDir, urls);
    const manifest = await writeBackup({ database: source, store: new LocalFileStore(sourceDir), file });
    expect(manifest.uploads.files).toBe(2);
    expect(manifest.tables.find((t) => t.name === "event")?.rows).toBeGreaterThan(100);

    target = await openFreshTarget();
    await restoreBackup({ database: target.database, store: new LocalFileStore(target.dataDir), file, force: false });
    const after = await responses(target.database, target.dataDir, urls);
    for (const url of urls) {
      expect(before[url]?.status, url).toBe(200);
      expect(after[url]?.status, url).toBe(200);
      expect(after[url]?.body.equals(before[url]?.body ?? Buffer.alloc(0)), url).toBe(true);
    }
    for (const u of uploads) {
      expect(fs.readFileSync(path.join(target.dataDir, "uploads", u)).equals(fs.readFileSync(path.join(sourceDir, "uploads", u)))).toBe(
        true,
      );
    }
    expect(await rowCounts(target.database)).toEqual(await rowCounts(source));
    // Sequences continue where the source's were: the next event gets the same id on both.
    const next = async (d: Database) => (await queryRows<{ n: number }>(d.db, sql`select nextval('event_id_seq')::int as n`))[0]?.n;
    expect(await next(target.database)).toBe(await next(source));
  });

  it("refuses a target that holds data unless --force, and then replaces it whole", async () => {
    await target.database.db.execute(sql`update event set title_de = 'Nach der Sicherung geändert' where id = (select min(id) from event)`);
    fs.writeFileSync(path.join(target.dataDir, "uploads", "later.webp"), "x");
    const refused = restoreBackup({ database: target.database, store: new LocalFileStore(target.dataDir), file, force: false });
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow(/not empty .*--force/);
    const title = async () =>
      (await queryRows<{ t: string }>(target.database.db, sql`select title_de as t from event where id = (select min(id) from event)`))[0]
        ?.t;
    expect(await title()).toBe("Nach der Sicherung geändert");

    await restoreBackup({ database: target.database, store: new LocalFileStore(target.dataDir), file, force: true });
    expect(await title()).not.toBe("Nach der Sicherung geändert");
    expect(fs.existsSync(path.join(target.dataDir, "uploads", "later.webp"))).toBe(false);
    expect(await rowCounts(target.database)).toEqual(await rowCounts(source));
  });

  it("refuses hostile or broken archives and leaves the target as it was", async () => {
    const manifest = await new Promise<string>((resolve, reject) => {
      const extract = tar.extract();
      extract.on("entry", (header, stream, next) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: unknown) => chunks.push(c as Buffer));
        stream.on("end", () => (header.name === "manifest.json" ? resolve(Buffer.concat(chunks).toString()) : next()));
      });
      extract.on("error", reject);
      fs.createReadStream(file).pipe(zlib.createGunzip()).pipe(extract);
    });
    const craft = async (name: string, entries: [string, string][]) => {
      const pack = tar.pack();
      for (const [entryName, content] of entries) pack.entry({ name: entryName }, content);
      pack.finalize();
      const out = path.join(work, name);
      const chunks: Buffer[] = [];
      for await (const chunk of pack) chunks.push(chunk as Buffer);
      fs.writeFileSync(out, zlib.gzipSync(Buffer.concat(chunks)));
      return out;
    };
    const before = await rowCounts(target.database);
    const evil = await craft("evil.tar.gz", [
      ["manifest.json", manifest],
      ["uploads/../../escaped.txt", "<script>alert(1)</script>"],
    ]);
    const notBackup = await craft("other.tar.gz", [["readme.txt", "hello"]]);
    const garbage = path.join(work, "garbage.tar.gz");
    fs.writeFileSync(garbage, randomBytes(4096));
    const wrongSchema = await craft("schema.tar.gz", [["manifest.json", manifest.replace(/"count": \d+/, '"count": 1')]]);
    for (const [archive, message] of [
      [evil, /Refusing the upload path|Unexpected entry/],
      [notBackup, /Not a Clusterwoche backup/],
      [garbage, /Cannot read the backup/],
      [wrongSchema, /migration 1/],
    ] as const) {
      await expect(
        restoreBackup({ database: target.database, store: new LocalFileStore(target.dataDir), file: archive, force: true }),
      ).rejects.toThrow(message);
    }
    expect(fs.existsSync(path.join(target.dataDir, "..", "escaped.txt"))).toBe(false);
    expect(await rowCounts(target.database)).toEqual(before);
    for (const u of uploads) expect(fs.existsSync(path.join(target.dataDir, "uploads", u))).toBe(true);
  });

  it("takes a consistent backup while events and their sessions are being written", async () => {
    const tables = await listBackupTables(source.db);
    const eventColumns = (tables.find((t) => t.name === "event")?.columns ?? []).filter((c) => c !== "id");
    const list = sql.join(
      eventColumns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const n = `${written}`;
        await source.db.transaction(async (tx) => {
          const [row] = await queryRows<{ id: number }>(
            tx,
            sql`insert into event (${list}) select ${copiedFor(eventColumns, n)}
                from event where id = (select min(id) from event where status = 'published') returning id`,
          );
          for (let s = 0; s < 3; s++) {
            await tx.execute(
              sql`insert into event_session (event_id, starts_at, ends_at)
                  values (${row?.id}, now() + make_interval(days => ${s}), now() + make_interval(days => ${s}, hours => 2))`,
            );
          }
        });
        written += 1;
        // PGlite runs one transaction at a time: give the backup's a turn (PostgreSQL interleaves anyway).
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const concurrent = path.join(work, "concurrent.tar.gz");
    try {
      while (written < 3) await new Promise((r) => setTimeout(r, 20));
      await writeBackup({ database: source, store: new LocalFileStore(sourceDir), file: concurrent });
    } finally {
      writing = false;
      await writer;
    }
    const restored = await openFreshTarget();
    await restoreBackup({ database: restored.database, store: new LocalFileStore(restored.dataDir), file: concurrent, force: false });
    const [check] = await queryRows<{ events: number; incomplete: number }>(
      restored.database.db,
      sql`select count(*)::int as events,
                 count(*) filter (where (select count(*) from event_session s where s.event_id = e.id) <> 3)::int as incomplete
          from event e where title_de like 'Nebenläufig %'`,
    );
    expect(check?.events).toBeGreaterThanOrEqual(3);
    expect(check?.events).toBeLessThanOrEqual(written);
    expect(check?.incomplete).toBe(0);
  });
});

function copiedFor(columns: string[], n: string) {
  return sql.join(
    columns.map((c) =>
      c === "slug" ? sql`slug || '-kopie-' || ${n}::text` : c === "title_de" ? sql`'Nebenläufig ' || ${n}::text` : sql.identifier(c),
    ),
    sql`, `,
  );
}
