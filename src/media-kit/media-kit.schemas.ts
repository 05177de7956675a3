import { z } from "zod";

/** Messages are organiser.errors keys (parseInput). */
const optional = (max: number) => z.string({ error: "required" }).trim().max(max, { error: "tooLong" }).default("");

/** The texts beside an uploaded media-kit file. */
export const KitFileInput = z.object({
  kind: z.enum(["logo", "social"], { error: "choose" }),
  titleDe: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(120, { error: "tooLong" }),
  titleEn: optional(120),
});
export type KitFileInput = z.infer<typeof KitFileInput>;

/** The media kit's usage notes in both languages (plain text, shown with line breaks). */
export const KitUsageInput = z.object({
  usageDe: optional(3000),
  usageEn: optional(3000),
});
export type KitUsageInput = z.infer<typeof KitUsageInput>;
