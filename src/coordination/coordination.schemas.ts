import { z } from "zod";
import { emailField, listField, optionalText, requiredText, textField } from "../organiser/organiser.schemas.ts";

/** Featured events a page may show at most. */
export const MAX_FEATURED = 6;

/** A coordinator's invitation of an organisation of their Land (PRODUCT §7). */
export const InviteOrganisationInput = z.object({
  name: requiredText(200),
  email: emailField,
  message: optionalText(2000),
});
export type InviteOrganisationInput = z.infer<typeof InviteOrganisationInput>;

/** The reminder action of the overview: which organisation. */
export const RemindOrganisationInput = z.object({
  organisationId: z.coerce
    .number({ error: "required" })
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
export type RemindOrganisationInput = z.infer<typeof RemindOrganisationInput>;

/** A Land page's introduction in German and English (Markdown, sanitised when rendered). */
export const StateIntroInput = z.object({ introDe: textField(20_000).default(""), introEn: textField(20_000).default("") });
export type StateIntroInput = z.infer<typeof StateIntroInput>;

/** The chosen featured events (checkbox values). */
export const FeaturedInput = z.object({
  eventIds: listField(z.string().regex(/^\d{1,9}$/, { error: "invalid" }), MAX_FEATURED).transform((ids) => [...new Set(ids.map(Number))]),
});
export type FeaturedInput = z.infer<typeof FeaturedInput>;
