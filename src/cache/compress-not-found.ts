import type { FastifyInstance } from "fastify";
import { COMPRESS_THRESHOLD, compressBody, isCompressible, negotiateEncoding, withVaryAcceptEncoding } from "./content-encoding.ts";

/**
 * @fastify/compress adds its hook to each route as it is declared, so the not-found handler (no
 * route) would answer uncompressed: this hook compresses its text answers like every other one.
 */
export function registerNotFoundCompression(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.is404 || reply.hasHeader("content-encoding") || !isCompressible(reply.getHeader("content-type"))) return payload;
    const body = typeof payload === "string" ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (body === null) return payload;
    reply.header("vary", withVaryAcceptEncoding(reply.getHeader("vary")));
    const encoding = negotiateEncoding(request.headers["accept-encoding"]);
    if (encoding === "identity" || body.length < COMPRESS_THRESHOLD) return payload;
    const compressed = await compressBody(body, encoding);
    reply.header("content-encoding", encoding).header("content-length", compressed.length);
    return compressed;
  });
}
