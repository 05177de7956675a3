import { z } from "zod";
import { berlinTime } from "../events/event-dates.ts";
import { emailField, optionalText, requiredText, textField } from "../organiser/organiser.schemas.ts";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A news item as the editor writes it; `publishDay` + `publishTime` are Berlin wall-clock time. */
export const NewsInput = z
  .object({
    edition: z.coerce.number({ error: "choose" }).int({ error: "choose" }).min(2000, { error: "choose" }).max(2100, { error: "choose" }),
    titleDe: requiredText(200),
    titleEn: textField(200).default(""),
    summaryDe: textField(600).default(""),
    summaryEn: textField(600).default(""),
    bodyDe: textField(30_000).default(""),
    bodyEn: textField(30_000).default(""),
    press: checkbox.default(false),
    removePdf: checkbox.default(false),
    publishDay: z.string({ error: "dateTime" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateTime" }),
    publishTime: z.string({ error: "dateTime" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "dateTime" }),
  })
  .transform(({ publishDay, publishTime, ...rest }, ctx) => {
    const publishAt = berlinTime(publishDay, publishTime);
    if (Number.isNaN(publishAt.getTime())) {
      ctx.addIssue({ code: "custom", path: ["publishDay"], message: "dateTime" });
      return z.NEVER;
    }
    return { ...rest, publishAt };
  });
export type NewsInput = z.infer<typeof NewsInput>;

/** The address of a new item: /aktuelles/<slug>. */
export const NewsSlug = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(80, { error: "tooLong" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug" });

/** A press contact of an edition. */
export const PressContactInput = z.object({
  edition: z.coerce.number({ error: "choose" }).int({ error: "choose" }).min(2000, { error: "choose" }).max(2100, { error: "choose" }),
  name: requiredText(200),
  organisation: textField(200).default(""),
  roleDe: textField(200).default(""),
  roleEn: textField(200).default(""),
  email: z.preprocess(blankToUndefined, emailField.optional()).transform((v) => v ?? null),
  phone: optionalText(60),
});
export type PressContactInput = z.infer<typeof PressContactInput>;
