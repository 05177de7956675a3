import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { expectByteRanges } from "../../test/byte-ranges.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { startS3, type TestS3 } from "../../test/s3.ts";
import { writeBackup } from "../backup/write-backup.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { event } from "../db/schema/index.ts";
import { openEdition } from "../event-form/event-form.fixtures.ts";
import { runHousekeeping } from "../housekeeping/run-housekeeping.ts";
import { storeImage } from "../media/store-image.ts";
import { keyOfPublicPath } from "./file-store.ts";
import { LocalFileStore } from "./local-file-store.ts";
import { migrateStorage } from "./migrate-storage.ts";

let s3: TestS3;
let t: TestApp;
let p: Personas;

beforeAll(async () => {
  s3 = await startS3();
  t = await createTestApp(s3.env);
  await openEdition(t.database.db);
  p = await createPersonas(t);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

const png = (background: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .png()
    .toBuffer();

/** The event form as a browser sends it (multipart), with an image. */
async function eventForm(image: Buffer): Promise<FormData> {
  const fields: Record<string, string> = {
    _csrf: p.organiserA.session.csrf,
    organisationId: String(p.orgA.id),
    titleDe: "Bild im Eimer",
    summaryDe: "Ein Bild in der Objektablage.",
    descriptionDe: "Beschreibung.",
    formatCode: "workshop",
    mode: "online",
    onlineUrl: "https://example.test/live",
    "sessions.0.startDate": "2027-04-07",
    "sessions.0.startTime": "14:00",
    "sessions.0.endTime": "17:00",
    isFree: "yes",
    languages: "de",
    topics: "materials",
    imageAlt: "Eine grüne Fläche",
    imageCredit: "Foto: Test",
  };
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append("image", new Blob([new Uint8Array(image)], { type: "image/png" }), "bild.png");
  return data;
}

describe("object storage (S3)", () => {
  it("stores an event image uploaded through the form in the bucket and serves it byte-identical, with ETag and 304", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/mein-bereich/veranstaltungen/neu",
      headers: { cookie: p.organiserA.session.cookie },
      payload: await eventForm(await png("#3a6")),
    });
    expect(created.statusCode, created.body.slice(0, 400)).toBe(303);
    const id = Number(/veranstaltungen\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const [row] = await t.database.db.select({ imageUrl: event.imageUrl }).from(event).where(eq(event.id, id));
    const url = row?.imageUrl ?? "";
    expect(url).toMatch(/^\/uploads\/[a-f0-9]{32}\.webp$/);

    const inBucket = await s3.store.read(keyOfPublicPath(url));
    if (!inBucket) throw new Error("the image is not in the bucket");
    const bytes = await buffer(inBucket.body);
    expect((await sharp(bytes).metadata()).format).toBe("webp");
    // Nothing on the local disk: the bucket is the only copy.
    expect(fs.existsSync(path.join(t.app.config.dataDir, url))).toBe(false);

    const served = await t.app.inject({ method: "GET", url });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(bytes)).toBe(true);
    expect(served.headers).toMatchObject({
      "content-type": "image/webp",
      "content-length": String(bytes.length),
      "cache-control": "public, max-age=31536000, immutable",
      "last-modified": inBucket.modified.toUTCString(),
      etag: `W/"${bytes.length.toString(16)}-${inBucket.modified.getTime().toString(16)}"`,
    });
    const again = await t.app.inject({ method: "GET", url, headers: { "if-none-match": String(served.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const since = await t.app.inject({ method: "GET", url, headers: { "if-modified-since": String(served.headers["last-modified"]) } });
    expect(since.statusCode).toBe(304);
    const head = await t.app.inject({ method: "HEAD", url });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-length"]).toBe(String(bytes.length));
    // Parts of it, read from the bucket with a ranged GetObject.
    await expectByteRanges(t.app, url, bytes);
  });

  it("answers 404 for a name that is not in the bucket and for names that are not ours", async () => {
    await s3.store.put("cache/secret.webp", Buffer.from("TOPSECRET"));
    for (const url of [`/uploads/${"0".repeat(32)}.webp`, "/uploads/..%2fcache%2fsecret.webp", "/uploads/secret.webp", "/uploads/"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain("TOPSECRET");
    }
  });

  it("keeps share cards in the bucket, so every instance renders a card once", async () => {
    const [published] = await t.database.db.select({ id: event.id }).from(event).where(eq(event.status, "published")).limit(1);
    const card = await t.app.inject({ method: "GET", url: `/veranstaltungen/${published?.id}/teilen.png` });
    expect(card.statusCode).toBe(200);
    const [kept] = await s3.store.list(`cache/share-cards/${published?.id}-de-`);
    if (!kept) throw new Error("no share card in the bucket");
    const stored = await s3.store.read(kept.key);
    expect(stored && (await buffer(stored.body)).equals(card.rawPayload)).toBe(true);
  });

  it("housekeeping removes unreferenced uploads from the bucket and keeps referenced and fresh ones", async () => {
    const referenced = await storeImage(s3.store, await png("#123"));
    const orphan = await storeImage(s3.store, await png("#456"));
    const [row] = await t.database.db.select({ id: event.id }).from(event).limit(1);
    await t.database.db
      .update(event)
      .set({ imageUrl: referenced.path })
      .where(eq(event.id, row?.id ?? 0));
    // The bucket's clock cannot be set back: the housekeeping clock goes forward instead.
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect((await runHousekeeping({ db: t.database.db, store: s3.store, now: new Date() })).uploads).toBe(0);
    const counts = await runHousekeeping({ db: t.database.db, store: s3.store, now: later });
    expect(counts.uploads).toBeGreaterThanOrEqual(1);
    expect(await s3.store.stat(keyOfPublicPath(orphan.path))).toBeUndefined();
    expect(await s3.store.stat(keyOfPublicPath(referenced.path))).toMatchObject({ size: expect.any(Number) });
  });

  it("backs up the bucket's uploads into the backup file", async () => {
    const image = await storeImage(s3.store, await png("#789"));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cw-s3-backup-")), "site.tar.gz");
    try {
      const manifest = await writeBackup({ database: t.database, store: s3.store, file });
      const inBucket = await s3.store.list("uploads/");
      expect(manifest.uploads).toEqual({ files: inBucket.length, bytes: inBucket.reduce((sum, f) => sum + f.size, 0) });
      expect(inBucket.map((f) => f.key)).toContain(keyOfPublicPath(image.path));
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe("storage migrate", () => {
  it("copies every local upload into the bucket with identical bytes, and a second run copies nothing", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-migrate-"));
    const target = await startS3("cw-migrate");
    try {
      const local = new LocalFileStore(dataDir);
      const stored = [await storeImage(local, await png("#a00")), await storeImage(local, await png("#0a0"))];
      await local.put("uploads/reports/nested.pdf", Buffer.from("%PDF-1.7 nested"));
      // One is already there (an earlier, interrupted run); one is there but truncated.
      const first = keyOfPublicPath(stored[0]?.path ?? "");
      await target.store.put(first, fs.readFileSync(path.join(dataDir, first)));
      const second = keyOfPublicPath(stored[1]?.path ?? "");
      await target.store.put(second, Buffer.from("half"));

      const counts = await migrateStorage({ from: local, to: target.store });
      expect(counts).toMatchObject({ files: 3, copied: 2, skipped: 1 });
      for (const f of await local.list("uploads/")) {
        const copy = await target.store.read(f.key);
        expect(copy && (await buffer(copy.body)).equals(fs.readFileSync(path.join(dataDir, f.key))), f.key).toBe(true);
      }
      expect(await migrateStorage({ from: local, to: target.store })).toMatchObject({ files: 3, copied: 0, skipped: 3 });
    } finally {
      await target.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("S3 configuration", () => {
  it("needs all four S3 variables together, and names the missing ones", () => {
    expect(loadConfig({ DATA_DIR: "/tmp/x" }).s3).toBeUndefined();
    const error = (() => {
      try {
        loadConfig({ S3_ENDPOINT: "http://127.0.0.1:9000", S3_BUCKET: "uploads" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join("\n")).toMatch(/S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...s3.env, S3_BUCKET: "Not A Bucket" })).toThrow(/S3_BUCKET/);
    expect(loadConfig({ ...s3.env, S3_PATH_STYLE: "false", S3_REGION: "eu-central-1" }).s3).toMatchObject({
      bucket: "cw-test",
      pathStyle: false,
      region: "eu-central-1",
    });
  });
});
