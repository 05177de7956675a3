import type { FastifyReply } from "fastify";

/**
 * Lets any site frame this response: the global CSP (helmet, set before the handler runs) says
 * `frame-ancestors 'self'`; this route replaces the one directive, keeping the rest of the policy
 * as configured in app.ts.
 */
export function allowFramingByAnySite(reply: FastifyReply): void {
  const csp = reply.getHeader("content-security-policy") ?? reply.raw.getHeader("content-security-policy");
  const directives = String(csp ?? "")
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d !== "" && !/^frame-ancestors\b/i.test(d));
  directives.push("frame-ancestors *");
  reply.header("content-security-policy", directives.join(";"));
  reply.header("cross-origin-resource-policy", "cross-origin");
}

/** Embedded content sets no cookies, whatever a global hook may want (PRODUCT §5). */
export async function dropCookies(_request: unknown, reply: FastifyReply): Promise<void> {
  reply.removeHeader("set-cookie");
  reply.raw.removeHeader("set-cookie");
}
