import type { FastifyInstance } from "fastify";
import { expect } from "vitest";

/**
 * Asserts that `url` answers byte-range requests over `bytes` as RFC 9110 §14 says: a first range,
 * an open-ended one, a suffix, 416 for a range past the end, the whole file for several ranges,
 * for a malformed header and for an If-Range naming another version.
 */
export async function expectByteRanges(app: FastifyInstance, url: string, bytes: Buffer): Promise<void> {
  expect(bytes.length, "a file of at least 40 bytes").toBeGreaterThanOrEqual(40);
  const get = (headers: Record<string, string>) => app.inject({ method: "GET", url, headers });
  const size = bytes.length;
  const whole = await get({});
  expect(whole.headers["accept-ranges"]).toBe("bytes");
  const etag = String(whole.headers.etag);

  const cases: [string, number, number][] = [
    ["bytes=0-9", 0, 9],
    [`bytes=10-${size - 20}`, 10, size - 20],
    [`bytes=${size - 10}-`, size - 10, size - 1],
    ["bytes=-16", size - 16, size - 1],
    [`bytes=5-${size + 1000}`, 5, size - 1],
  ];
  for (const [range, start, end] of cases) {
    const part = await get({ range });
    expect(part.statusCode, range).toBe(206);
    expect(part.headers["content-range"], range).toBe(`bytes ${start}-${end}/${size}`);
    expect(part.headers["content-length"], range).toBe(String(end - start + 1));
    expect(part.rawPayload.equals(bytes.subarray(start, end + 1)), range).toBe(true);
  }
  const withIfRange = await get({ range: "bytes=0-9", "if-range": etag });
  expect(withIfRange.statusCode).toBe(206);

  const past = await get({ range: `bytes=${size}-${size + 10}` });
  expect(past.statusCode).toBe(416);
  expect(past.headers["content-range"]).toBe(`bytes */${size}`);
  expect(past.rawPayload.length).toBe(0);

  const answeredWhole: Record<string, string>[] = [
    { range: "bytes=0-9,20-29" },
    { range: "lines=1-2" },
    { range: "bytes=x-y" },
    { range: "bytes=0-9", "if-range": 'W/"other"' },
  ];
  for (const headers of answeredWhole) {
    const full = await get(headers);
    expect(full.statusCode, JSON.stringify(headers)).toBe(200);
    expect(full.rawPayload.equals(bytes), JSON.stringify(headers)).toBe(true);
  }
}
