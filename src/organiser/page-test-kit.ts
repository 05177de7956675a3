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
  /** A multipart form with one file, as a browser sends `<form enctype="multipart/form-data">`. */
  upload(url: string, form: Record<string, string>, file: UploadFile): Promise<LightMyRequestResponse>;
};

export type UploadFile = { field?: string; name?: string; content: Buffer };

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

/** A multipart/form-data body: the text fields, then the file (field "file" unless named). */
export function multipartOf(form: Record<string, string>, file: UploadFile): { payload: Buffer; contentType: string } {
  const boundary = "----page-test-kit";
  const parts = Object.entries(form).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name ?? "upload.bin"}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([...parts, Buffer.from(head), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
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
    upload: (url, form, file) => {
      const { payload, contentType } = multipartOf(options.csrf === false ? form : { _csrf: session.csrf, ...form }, file);
      return app.inject({ method: "POST", url, headers: { cookie: session.cookie, "content-type": contentType }, payload });
    },
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
