import type { FastifyInstance, FastifyRequest } from "fastify";

/** Ten wrong passwords a minute per address and per IP; the 11th attempt answers 429. */
export const loginFailuresPerMinute = 10;

/**
 * Counts failed logins with @fastify/rate-limit's store (in the database, shared by every instance:
 * rate-limit-store.ts): one counter per client IP and one per e-mail address, so neither spraying
 * one account nor one IP gets far.
 */
export function loginLimiter(app: FastifyInstance) {
  const options = { max: loginFailuresPerMinute, timeWindow: 60_000 };
  const byIp = app.createRateLimit({ ...options, keyGenerator: (request) => `login-ip:${request.ip}` });
  const byEmail = app.createRateLimit({
    ...options,
    keyGenerator: (request) =>
      `login-email:${String((request.body as Record<string, unknown>).email ?? "")
        .trim()
        .toLowerCase()}`,
  });
  return {
    async exceeded(request: FastifyRequest, _email: string): Promise<boolean> {
      const [ip, email] = await Promise.all([byIp(request, { increment: false }), byEmail(request, { increment: false })]);
      return [ip, email].some((r) => !r.isAllowed && r.remaining <= 0);
    },
    async failed(request: FastifyRequest, _email: string): Promise<void> {
      await Promise.all([byIp(request), byEmail(request)]);
    },
  };
}

/** Route option for registration and reset requests: a few per minute per IP, then a 429 page. */
export const formRateLimit = (max: number) => ({ max, timeWindow: 60_000, hook: "preHandler" as const });
