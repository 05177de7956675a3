import { user } from "../db/schema/index.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";
import { type AccountCtx, mailLink } from "./account-ctx.ts";
import { issueAccountToken } from "./account-tokens.ts";
import { findUserByEmail } from "./find-user.ts";
import { hashPassword } from "./passwords.ts";

export type RegisterInput = { name: string; email: string; password: string; language: "de" | "en" };

/**
 * Registers an organiser account and mails the verification link. A taken address gets a
 * "someone tried to register" mail instead; the caller answers the same either way.
 */
export async function registerUser({ ctx, input }: { ctx: AccountCtx; input: RegisterInput }): Promise<void> {
  const passwordHash = await hashPassword(input.password); // also for taken addresses: same timing
  try {
    await insertOrWarn(ctx, input, passwordHash);
  } catch (error) {
    // Two registrations of one address at the same moment: the loser is answered like a taken address.
    if (!isUniqueViolation(error)) throw error;
  }
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (e: unknown) => (typeof e === "object" && e !== null && "code" in e ? e.code : undefined);
  return code(error) === "23505" || code((error as { cause?: unknown })?.cause) === "23505";
};

async function insertOrWarn(ctx: AccountCtx, input: RegisterInput, passwordHash: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      await enqueueMail({
        db: tx,
        to: existing.email,
        language: existing.language,
        template: "registrationAttempt",
        data: {
          name: existing.name,
          loginLink: mailLink(ctx, "/anmelden", existing.language),
          resetLink: mailLink(ctx, "/passwort-vergessen", existing.language),
        },
      });
      return;
    }
    const [row] = await tx
      .insert(user)
      .values({ name: input.name, email: input.email, passwordHash, language: input.language, role: "organiser" })
      .returning({ id: user.id });
    if (!row) throw new Error("insert returned no row");
    const token = await issueAccountToken(tx, row.id, "verify_email");
    await enqueueMail({
      db: tx,
      to: input.email,
      language: input.language,
      template: "verifyEmail",
      data: { name: input.name, link: mailLink(ctx, "/konto/bestaetigen", input.language, { token }) },
    });
  });
}
