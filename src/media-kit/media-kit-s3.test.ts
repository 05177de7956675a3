import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { startS3, type TestS3 } from "../../test/s3.ts";
import { unzip } from "../../test/zip.ts";
import { mediaKitFile } from "../db/schema/index.ts";
import { openEdition } from "../event-form/event-form.fixtures.ts";
import { keyOfPublicPath } from "../storage/file-store.ts";

/** The media kit on object storage: uploads land in the bucket and the ZIP is streamed out of it. */
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

describe("media kit on S3", () => {
  it("stores an upload in the bucket and streams the ZIP from it", async () => {
    const logo = await sharp({ create: { width: 320, height: 160, channels: 4, background: "#0b4a8f" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append("_csrf", p.editor.session.csrf);
    form.append("kind", "logo");
    form.append("titleDe", "Logo Bucket");
    form.append("file", new Blob([new Uint8Array(logo)], { type: "image/png" }), "logo.png");
    const upload = await t.app.inject({
      method: "POST",
      url: "/mein-bereich/medienpaket/2027/dateien",
      headers: { cookie: p.editor.session.cookie },
      payload: form,
    });
    expect(upload.statusCode, upload.body.slice(0, 300)).toBe(303);
    const [row] = await t.database.db.select().from(mediaKitFile).where(eq(mediaKitFile.titleDe, "Logo Bucket"));
    const inBucket = await s3.store.stat(keyOfPublicPath(row?.path ?? ""));
    expect(inBucket?.size).toBe(row?.bytes);

    const zip = await t.app.inject({ method: "GET", url: "/presse/medienpaket.zip" });
    expect(zip.statusCode).toBe(200);
    const files = await unzip(zip.rawPayload);
    const served = await t.app.inject({ method: "GET", url: row?.path ?? "" });
    expect(files.get("logo-bucket.png")?.equals(served.rawPayload)).toBe(true);
    expect((await sharp(files.get("logo-bucket.png")).metadata()).width).toBe(320);
  });
});
