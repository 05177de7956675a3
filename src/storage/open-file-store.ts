import type { Config } from "../config.ts";
import type { FileStore } from "./file-store.ts";
import { LocalFileStore } from "./local-file-store.ts";
import { S3FileStore } from "./s3-file-store.ts";

/** The configured store: the bucket when S3_* is set, DATA_DIR otherwise. */
export function openFileStore(config: Pick<Config, "dataDir" | "s3">): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new LocalFileStore(config.dataDir);
}
