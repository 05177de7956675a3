import type { VerbCtx } from "../lib/actor.ts";
import type { Lang } from "../lib/language.ts";
import { queryString } from "../lib/page-context.ts";

/** What account verbs need besides the database and the actor: the public origin for mail links. */
export type AccountCtx = VerbCtx & { baseUrl: string };

/** An absolute link for a mail, in the recipient's language. */
export const mailLink = (ctx: AccountCtx, path: string, lang: string, params: Record<string, string> = {}) =>
  `${ctx.baseUrl}${path}${queryString({ ...params, lang: lang === ("en" satisfies Lang) ? "en" : undefined })}`;
