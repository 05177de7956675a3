import { z } from "zod";
import { validationFailed } from "../lib/errors.ts";
import type { MailCtx } from "../organiser/organiser-mail.ts";
import { decideInTransaction } from "./decide-event.ts";
import { RowNumber } from "./moderation.schemas.ts";
import { requireReviewer } from "./review-access.ts";

const Items = z
  .array(
    z.object({
      id: RowNumber,
      version: RowNumber,
    }),
  )
  .min(1)
  .max(200);

/**
 * Publishes several events from the queue in one transaction: all of them or none — an event the actor
 * may not review (404), one decided meanwhile (409) or one that cannot be published stops the whole batch.
 */
export async function publishEvents({ ctx, input }: { ctx: MailCtx; input: { items: unknown } }) {
  const actor = requireReviewer(ctx.actor);
  const parsed = Items.safeParse(input.items);
  if (!parsed.success) throw validationFailed({ items: "required" });
  return ctx.db.transaction(async (tx) => {
    const done = [];
    for (const item of parsed.data)
      done.push(await decideInTransaction(tx, actor, { ...item, action: "publish", message: "", fields: [], reasonId: null }, ctx.baseUrl));
    return done;
  });
}
