import http from "node:http";

/**
 * The baseline: a bare node:http server answering GET /bytes/<n> with n bytes of HTML-ish text,
 * so each scenario is compared with the cheapest possible server sending a body of the same size.
 */
const bodies = new Map<number, Buffer>();
function body(size: number): Buffer {
  let buffer = bodies.get(size);
  if (!buffer) {
    buffer = Buffer.alloc(size, "<p>Clusterwoche</p>\n");
    bodies.set(size, buffer);
  }
  return buffer;
}

const server = http.createServer((request, response) => {
  const match = /^\/bytes\/(\d{1,9})$/.exec(request.url ?? "");
  if (!match) {
    response.writeHead(request.url === "/readyz" ? 200 : 404).end("ok");
    return;
  }
  const payload = body(Number(match[1]));
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": payload.length }).end(payload);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : "?"}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
