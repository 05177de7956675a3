import { z } from "zod";

/** A new technology field or target group: its German and English label (messages are organiser.errors keys). */
export const TermInput = z.object({
  nameDe: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(80, { error: "tooLong" }),
  nameEn: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(80, { error: "tooLong" }),
});
export type TermInput = z.infer<typeof TermInput>;

/** The code of a term as it appears in a route: what codes are made of, nothing else. */
export const TermCode = z
  .string()
  .max(40)
  .regex(/^[a-z0-9-]+$/);

/** Moving a term one place up or down in the order forms and filters show. */
export const MoveDirection = z.enum(["up", "down"]);
export type MoveDirection = z.infer<typeof MoveDirection>;
