import { inArray } from "drizzle-orm";
import { type AccountCtx, mailLink } from "../accounts/account-ctx.ts";
import { issueAccountToken } from "../accounts/account-tokens.ts";
import { findUserByEmail } from "../accounts/find-user.ts";
import { coordinatorState, state, user } from "../db/schema/index.ts";
import { validationFailed } from "../lib/errors.ts";
import { translator } from "../lib/i18n/i18n.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";
import { writeAudit } from "../moderation/audit.ts";
import { parseInput } from "../organiser/organiser.schemas.ts";
import { NewUserInput } from "./users.schemas.ts";
import { requireMayManage, requireUserAdmin } from "./users-access.ts";

/** Password links of accounts the office creates stay valid a week (a reset link otherwise an hour). */
export const firstPasswordLifetimeMs = 7 * 24 * 3600_000;

/**
 * Creates an account for someone (editors: organisers and coordinators; admins: any role, 403 otherwise).
 * No password: the person sets one through the mailed link, which also confirms the address. A taken
 * address is 422 at the field. One transaction: row, Länder, token, mail, audit row.
 */
export async function createUserAccount({ ctx, input }: { ctx: AccountCtx; input: unknown }): Promise<{ id: number }> {
  const actor = requireUserAdmin(ctx.actor);
  const data = parseInput(NewUserInput, input);
  requireMayManage(actor, data.role);
  const stateCodes = [...new Set(data.stateCodes)].sort();
  if (data.role === "coordinator" && stateCodes.length === 0) throw validationFailed({ stateCodes: "chooseState" });
  if (data.role !== "coordinator" && stateCodes.length > 0) throw validationFailed({ stateCodes: "statesOnlyCoordinators" });
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, data.email)) throw validationFailed({ email: "emailTaken" });
    if (stateCodes.length) {
      const known = await tx.select({ code: state.code }).from(state).where(inArray(state.code, stateCodes));
      if (known.length !== stateCodes.length) throw validationFailed({ stateCodes: "choose" });
    }
    const [row] = await tx
      .insert(user)
      .values({ name: data.name, email: data.email, role: data.role, language: data.language, passwordHash: null })
      .returning({ id: user.id });
    if (!row) throw new Error("insert returned no row");
    if (stateCodes.length) await tx.insert(coordinatorState).values(stateCodes.map((stateCode) => ({ userId: row.id, stateCode })));
    const token = await issueAccountToken(tx, row.id, "reset_password", undefined, firstPasswordLifetimeMs);
    await enqueueMail({
      db: tx,
      to: data.email,
      language: data.language,
      template: "accountCreated",
      data: {
        name: data.name,
        creator: actor.name,
        role: translator(data.language)(`users.roles.${data.role}`),
        link: mailLink(ctx, "/passwort-neu", data.language, { token }),
      },
    });
    await writeAudit(tx, actor, {
      action: "user.add",
      objectType: "user",
      objectId: row.id,
      stateCode: null,
      summary: `Konto ${data.email} angelegt: ${data.role}${stateCodes.length ? ` (${stateCodes.join(", ")})` : ""}`,
      after: { email: data.email, role: data.role, stateCodes },
    });
    return row;
  });
}
