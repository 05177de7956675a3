import http from "node:http";

/**
 * The baseline: a bare node:http server replaying the app's own response bodies, byte for byte,
 * with only content-type, content-length (and content-encoding for compressed samples) — or, for the
 * control run of `--same-headers`, with the app's own headers (x-replay-headers). bench/measure.ts uploads a scenario's sample bodies
 * once (PUT /bodies/<scenario>/<n>) and then loads GET /bodies/<scenario>/<n>, so the client
 * parses and decodes exactly what it gets from the app (see docs/PERFORMANCE.md "The benchmark").
 */
type Stored = { body: Buffer; headers: http.OutgoingHttpHeaders };
const bodies = new Map<string, Stored>();
const bodyPath = /^\/bodies\/[\w-]{1,60}\/\d{1,4}$/;

function store(request: http.IncomingMessage, response: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const type = request.headers["content-type"] ?? "application/octet-stream";
    // A compressed sample is replayed with its coding (x-content-encoding: fetch would not send content-encoding as is).
    const encoding = request.headers["x-content-encoding"];
    const headers: http.OutgoingHttpHeaders = { "content-type": type, "content-length": body.length };
    if (typeof encoding === "string") headers["content-encoding"] = encoding;
    const replay = request.headers["x-replay-headers"];
    if (typeof replay === "string") Object.assign(headers, JSON.parse(replay) as http.OutgoingHttpHeaders);
    bodies.set(request.url ?? "", { body, headers });
    response.writeHead(204).end();
  });
}

const server = http.createServer((request, response) => {
  const url = request.url ?? "";
  if (request.method === "PUT" && bodyPath.test(url)) return store(request, response);
  const stored = bodies.get(url);
  if (stored) {
    response.writeHead(200, stored.headers).end(stored.body);
    return;
  }
  response.writeHead(url === "/readyz" ? 200 : 404).end("ok");
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : "?"}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
