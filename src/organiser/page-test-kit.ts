import { and, eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Session } from "../../test/accounts.ts";
import type { TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import type { Personas } from "../../test/personas.ts";
import { membership } from "../db/schema/index.ts";

/** Page-test helpers: requests as a persona, forms with their CSRF token, the owner role for organiser A. */
export type Browser = {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form?: Record<string, unknown>): Promise<LightMyRequestResponse>;
};

/** url-encoded form body; arrays become repeated keys, as browsers send checkboxes. */
export function encodeForm(form: Record<string, unknown>): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) body.append(key, String(v));
    else body.append(key, String(value));
  }
  return body.toString();
}

export function browserOf(app: FastifyInstance, session: Session, options: { csrf?: boolean } = {}): Browser {
  return {
    get: (url) => app.inject({ method: "GET", url, headers: { cookie: session.cookie } }),
    post: (url, form = {}) =>
      app.inject({
        method: "POST",
        url,
        headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: encodeForm(options.csrf === false ? form : { ...form, _csrf: session.csrf }),
      }),
  };
}

/** The demo memberships made by createUser are plain members; organiser A is made an owner of A. */
export async function makeOwner(t: TestApp, personas: Personas, who: "organiserA" | "organiserB" = "organiserA"): Promise<void> {
  const user = personas[who].user;
  const org = who === "organiserA" ? personas.orgA : personas.orgB;
  if (!user) throw new Error("no user");
  await t.database.db
    .update(membership)
    .set({ role: "owner" })
    .where(and(eq(membership.userId, user.id), eq(membership.organisationId, org.id)));
}

export const textOf = (html: string) => parseHtml(html).body.textContent?.replace(/\s+/g, " ") ?? "";
