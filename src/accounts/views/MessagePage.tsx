import type { FastifyReply, FastifyRequest } from "fastify";
import { pageCtxOf } from "../../lib/request-ctx.ts";
import { Layout } from "../../views/Layout.tsx";
import { sendPage } from "../../views/render.ts";

type MessageKey = "csrf" | "rateLimited" | "token";

/** A short page with a heading and one paragraph (refused form, too many attempts, bad link). */
export function sendMessagePage(request: FastifyRequest, reply: FastifyReply, status: number, key: MessageKey): FastifyReply {
  const ctx = pageCtxOf(request);
  const [title, text] =
    key === "token"
      ? [ctx.t("accounts.token.invalidTitle"), ctx.t("accounts.token.invalid")]
      : [ctx.t(`accounts.${key}.title`), ctx.t(`accounts.${key}.text`)];
  return sendPage(
    reply,
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <h1>{title}</h1>
      <p>{text}</p>
    </Layout>,
    status,
  );
}
