import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createVerifiedUser } from "../src/accounts/create-user.ts";
import type { Db } from "../src/db/client.ts";
import type { Role } from "../src/lib/actor.ts";
import { parseHtml } from "./html.ts";

/** The password every test user gets unless a test chooses one. */
export const testPassword = "correct horse battery staple";

export type TestUser = { id: number; email: string; password: string; name: string; role: Role };

let counter = 0;

/** A verified user with a known password (argon2id), optionally member of organisations / coordinator of states. */
export async function createUser(
  db: Db,
  options: {
    role?: Role;
    email?: string;
    password?: string;
    name?: string;
    organisationIds?: number[];
    stateCodes?: string[];
    language?: "de" | "en";
  } = {},
): Promise<TestUser> {
  counter += 1;
  const role = options.role ?? "organiser";
  const email = options.email ?? `${role}-${counter}-${process.pid}@example.test`;
  const password = options.password ?? testPassword;
  const name = options.name ?? `Test ${role} ${counter}`;
  const input = {
    email,
    password,
    name,
    role,
    language: options.language ?? "de",
    organisationIds: options.organisationIds ?? [],
    stateCodes: options.stateCodes ?? [],
  };
  const { id } = await createVerifiedUser({ db, input });
  return { id, email, password, name, role };
}

/** A browser's state for app.inject: the cookie header, a CSRF token valid for it, and both as headers. */
export type Session = { cookie: string; csrf: string; headers: { cookie: string; "x-csrf-token": string } };

/** Reads the `_csrf` value of the first form on a page. */
export function csrfFrom(html: string): string {
  const value = parseHtml(html).querySelector<HTMLInputElement>('input[name="_csrf"]')?.getAttribute("value");
  if (!value) throw new Error("page has no _csrf field");
  return value;
}

/** Merges a response's Set-Cookie into a cookie jar (deleted cookies drop out). */
export function updateJar(jar: Map<string, string>, response: LightMyRequestResponse): Map<string, string> {
  for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === "";
    if (expired) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
  return jar;
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

const sessionOf = (jar: Map<string, string>, csrf: string): Session => {
  const cookie = cookieHeader(jar);
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
};

/** An anonymous browser that has loaded the login page: CSRF cookie and token, no session. */
export async function anonymousSession(app: FastifyInstance): Promise<Session> {
  const page = await app.inject({ method: "GET", url: "/anmelden" });
  return sessionOf(updateJar(new Map(), page), csrfFrom(page.body));
}

/** Logs in through the real form; throws unless the login succeeded. */
export async function login(app: FastifyInstance, email: string, password: string = testPassword): Promise<Session> {
  const anonymous = await anonymousSession(app);
  const jar = new Map(anonymous.cookie.split("; ").map((pair) => pair.split("=") as [string, string]));
  const response = await app.inject({
    method: "POST",
    url: "/anmelden",
    headers: { cookie: anonymous.cookie },
    payload: { email, password, _csrf: anonymous.csrf },
  });
  if (response.statusCode !== 303) throw new Error(`login of ${email} failed: ${response.statusCode}`);
  updateJar(jar, response);
  if (!jar.has("cw_session")) throw new Error(`login of ${email} set no session cookie`);
  const account = await app.inject({ method: "GET", url: "/konto", headers: { cookie: cookieHeader(jar) } });
  if (account.statusCode !== 200) throw new Error(`/konto after login answered ${account.statusCode}`);
  updateJar(jar, account);
  return sessionOf(jar, csrfFrom(account.body));
}
