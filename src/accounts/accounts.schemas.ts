import { z } from "zod";
import { IsoDay } from "../event-form/event-form.schemas.ts";
import { passwordMax, passwordMin } from "./passwords.ts";
import type { ErrorKey, FieldErrors } from "./views/Form.tsx";

// Error messages are keys of accounts.error (translated by the views).
const text = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

export const Email = text(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "email" });
export const Name = text(120);
/** A password being chosen: 10 to 200 characters. */
export const NewPassword = z
  .string({ error: "required" })
  .min(1, { error: "required" })
  .min(passwordMin, { error: "passwordShort" })
  .max(passwordMax, { error: "passwordLong" });
/** A password being checked: anything up to the maximum. */
export const GivenPassword = z.string({ error: "required" }).min(1, { error: "required" }).max(passwordMax, { error: "passwordLong" });
export const Language = z.enum(["de", "en"], { error: "language" });

export const LoginInput = z.object({ email: Email, password: GivenPassword });
export const RegisterInput = z.object({ name: Name, email: Email, password: NewPassword, language: Language });
export const EmailOnlyInput = z.object({ email: Email });
export const ResetInput = z.object({ token: z.string().max(100).default(""), password: NewPassword });
export const ProfileInput = z.object({ name: Name, language: Language });
export const PasswordChangeInput = z.object({ currentPassword: GivenPassword, newPassword: NewPassword });
export const EmailChangeInput = z.object({ newEmail: Email, currentPassword: GivenPassword });
/** A new API token: a name, and optionally the last day it works (YYYY-MM-DD, as a date input sends it). */
export const ApiTokenInput = z.object({
  tokenName: text(100),
  expiresOn: z
    .union([z.literal(""), IsoDay])
    .default("")
    .transform((v) => v || null),
});
export const DeleteInput = z.object({ currentPassword: GivenPassword });

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Parses a submitted form; on failure returns the first problem per field and what the user typed (as strings). */
export function parseForm<T>(schema: z.ZodType<T>, body: unknown): FormResult<T> {
  const raw = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message as ErrorKey;
  }
  return { ok: false, errors, values };
}
