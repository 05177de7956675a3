import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { assertSafeKey, type ByteRange, contentTypeOf, type FileBody, type FileStore, type StoredFile } from "./file-store.ts";

export type S3Settings = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** bucket in the path (http://host/bucket/key), as MinIO and most self-hosted stores expect. */
  pathStyle: boolean;
};

const notFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound");

/** Objects in an S3-compatible bucket under the same keys as on disk ("uploads/a.webp"). */
export class S3FileStore implements FileStore {
  readonly kind = "s3";
  readonly client: S3Client;
  readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.pathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // A self-hosted store answers quickly or not at all: fail a request rather than hang a page.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    assertSafeKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentLength: data.length, ContentType: contentTypeOf(key) }),
    );
  }

  async read(key: string, range?: ByteRange): Promise<FileBody | undefined> {
    assertSafeKey(key);
    try {
      const Range = range && `bytes=${range.start}-${range.end}`;
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range }));
      if (!(object.Body instanceof Readable)) throw new Error(`The object ${key} arrived without a readable body.`);
      // With a range, ContentLength is the part's; "bytes 0-9/1234" names the whole object's size.
      const size = range ? Number(object.ContentRange?.split("/")[1]) : (object.ContentLength ?? 0);
      return { key, size, modified: object.LastModified ?? new Date(0), body: object.Body };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async stat(key: string): Promise<StoredFile | undefined> {
    assertSafeKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: head.ContentLength ?? 0, modified: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async list(prefix: string): Promise<StoredFile[]> {
    const found: StoredFile[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        if (o.Key) found.push({ key: o.Key, size: o.Size ?? 0, modified: o.LastModified ?? new Date(0) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
