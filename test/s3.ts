import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { S3FileStore } from "../src/storage/s3-file-store.ts";

export type TestS3 = {
  /** The S3_* variables that point the app at this server's bucket. */
  env: Record<string, string>;
  /** A client of the same bucket, to look at what the app stored. */
  store: S3FileStore;
  close(): Promise<void>;
};

/** A real S3-compatible server (s3rver) on loopback, files in a throwaway folder, with one empty bucket. */
export async function startS3(bucket = "cw-test"): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cw-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", directory, silent: true });
  const { port } = await server.run();
  const env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: bucket,
    // s3rver's fixed credentials: it checks the signature like a real store.
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  };
  const store = new S3FileStore({
    endpoint: env.S3_ENDPOINT,
    bucket,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    region: "us-east-1",
    pathStyle: true,
  });
  await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    env,
    store,
    close: async () => {
      store.client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
