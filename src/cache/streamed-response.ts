import { createHash } from "node:crypto";
import { pipeline, type Readable, Transform } from "node:stream";
import zlib from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { publicCacheCompressions } from "../metrics/metrics.ts";
import { CACHE_CONTROL, encodedEtag, httpDate, lastModifiedOf, notModified, type Validators } from "./cached-response.ts";
import {
  BROTLI_OPTIONS,
  COMPRESSED_ENCODINGS,
  type CompressedEncoding,
  GZIP_OPTIONS,
  isCompressible,
  negotiateEncoding,
  withVaryAcceptEncoding,
} from "./content-encoding.ts";
import type { DataVersion } from "./data-version-watch.ts";

/**
 * The validator of a response that leaves before it is rendered to the end, so before its bytes
 * could be hashed: the data version (and its time, which a restored database does not repeat) and
 * the cache key. Every instance renders the same bytes for both and so sends the same tag.
 */
export function versionEtag(version: DataVersion, key: string): string {
  const url = createHash("sha1").update(key).digest("base64url").slice(0, 16);
  return `"v${version.version}-${version.changedAt}-${url}"`;
}

export type StreamedOptions = {
  key: string;
  version: DataVersion;
  /** The route's own Cache-Control, if it set one. */
  ownPolicy: unknown;
  /** The largest body kept whole while it streams; a longer one is only passed on. */
  maxBytes: number;
  /**
   * Set when this response may be kept: called after the last chunk with the whole body and its
   * compressed codings (for a text type), before the response ends.
   */
  keep: ((body: Buffer, encoded: Partial<Record<CompressedEncoding, Buffer>>, etag: string, validators: Validators) => void) | undefined;
  /** Called when it will not be kept after all (too long, 304, an error). */
  abandon: () => void;
};

const compressor = (encoding: CompressedEncoding) =>
  encoding === "br" ? zlib.createBrotliCompress(BROTLI_OPTIONS) : zlib.createGzip(GZIP_OPTIONS);

/**
 * A public response whose payload is a stream (the whole-edition calendar): the same validators
 * and policy as a buffered one — ETag from the data version (versionEtag; `-br`/`-gzip` for a
 * compressed coding), Last-Modified from its time, 304 before anything is rendered — then the
 * stream, compressed here in the coding the request prefers (so @fastify/compress leaves it and
 * the ETag names the coding sent). While it passes, a copy for `keep` is built up to `maxBytes`:
 * the plain bytes, the coded bytes as sent, and the other coding compressed alongside (libuv's
 * thread pool), so the kept entry is complete when the last byte leaves and no hit compresses.
 * Returns the payload to send, null for a 304.
 */
export function sendStreamed(request: FastifyRequest, reply: FastifyReply, stream: Readable, options: StreamedOptions): Readable | null {
  const ownTag = reply.getHeader("etag");
  const tag = typeof ownTag === "string" ? ownTag : versionEtag(options.version, options.key);
  const textual = isCompressible(reply.getHeader("content-type")) && !reply.hasHeader("content-encoding");
  const encoding = textual ? negotiateEncoding(request.headers["accept-encoding"]) : "identity";
  const etag = encoding === "identity" ? tag : encodedEtag(tag, encoding);
  const validators = lastModifiedOf(options.version, Date.now());
  reply.header("etag", etag).header("x-cache", "miss").header("last-modified", httpDate(validators.header));
  if (options.ownPolicy === undefined) reply.header("cache-control", CACHE_CONTROL);
  if (textual) reply.header("vary", withVaryAcceptEncoding(reply.getHeader("vary")));
  if (request.raw.method === "GET" && notModified(request.headers, etag, validators.since)) {
    // Not started yet: destroying it ends the render before its first query.
    stream.destroy();
    options.abandon();
    reply.code(304).removeHeader("content-type").removeHeader("content-length");
    return null;
  }

  const copy = new StreamCopy(options.keep && ((body, encoded) => options.keep?.(body, encoded, tag, validators)), options);
  const sideCodings = textual ? COMPRESSED_ENCODINGS.filter((c) => c !== encoding) : [];
  const done = (error: Error | null | undefined) => {
    if (error) copy.drop();
  };
  if (encoding === "identity") return pipeline(stream, copy.plain(sideCodings, true), done);
  reply.header("content-encoding", encoding);
  return pipeline(stream, copy.plain(sideCodings, false), compressor(encoding), copy.coded(encoding), done);
}

/** The bytes of a streamed response collected for the cache: plain, as sent, and in the other codings. */
class StreamCopy {
  private plainChunks: Buffer[] = [];
  private bytes = 0;
  private readonly codedChunks: Partial<Record<CompressedEncoding, Buffer[]>> = {};
  private readonly sides: Promise<void>[] = [];
  private readonly sideStreams: Transform[] = [];

  constructor(
    private keep: ((body: Buffer, encoded: Partial<Record<CompressedEncoding, Buffer>>) => void) | undefined,
    private readonly options: { maxBytes: number; abandon: () => void },
  ) {}

  /** Not kept after all: frees what was collected. */
  drop(): void {
    if (this.keep === undefined) return;
    this.keep = undefined;
    this.plainChunks = [];
    for (const side of this.sideStreams) side.destroy();
    this.options.abandon();
  }

  /** Passes the plain bytes on, copying them and feeding the side compressors; `last`: keeps at its end. */
  plain(sideCodings: readonly CompressedEncoding[], last: boolean): Transform {
    if (this.keep) for (const coding of sideCodings) this.side(coding);
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        if (this.keep) {
          this.bytes += chunk.length;
          if (this.bytes > this.options.maxBytes) this.drop();
          else {
            this.plainChunks.push(chunk);
            for (const side of this.sideStreams) side.write(chunk);
          }
        }
        callback(null, chunk);
      },
      flush: (callback) => {
        for (const side of this.sideStreams) side.end();
        if (last) void this.finish().then(() => callback());
        else callback();
      },
    });
  }

  /** Passes the compressed bytes as sent on, copying them; keeps at its end. */
  coded(coding: CompressedEncoding): Transform {
    const chunks = this.collect(coding);
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        if (this.keep) chunks.push(chunk);
        callback(null, chunk);
      },
      flush: (callback) => void this.finish().then(() => callback()),
    });
  }

  private collect(coding: CompressedEncoding): Buffer[] {
    const chunks: Buffer[] = [];
    this.codedChunks[coding] = chunks;
    publicCacheCompressions.inc({ encoding: coding });
    return chunks;
  }

  private side(coding: CompressedEncoding): void {
    const chunks = this.collect(coding);
    const side = compressor(coding);
    this.sideStreams.push(side);
    side.on("data", (chunk: Buffer) => chunks.push(chunk));
    this.sides.push(
      new Promise((resolve) => {
        side.once("end", resolve);
        side.once("close", resolve);
      }),
    );
  }

  /** After the last byte (the side compressors may still be finishing): hands the whole to `keep`. */
  private async finish(): Promise<void> {
    await Promise.all(this.sides);
    const keep = this.keep;
    if (keep === undefined) return;
    this.keep = undefined;
    const encoded: Partial<Record<CompressedEncoding, Buffer>> = {};
    for (const [coding, chunks] of Object.entries(this.codedChunks) as [CompressedEncoding, Buffer[]][]) {
      encoded[coding] = Buffer.concat(chunks);
    }
    keep(Buffer.concat(this.plainChunks), encoded);
    this.plainChunks = [];
  }
}
