import { z } from "zod";
import { requiredText, textField } from "../organiser/organiser.schemas.ts";

/** The longest page body (Markdown) in either language. */
export const MAX_PAGE_BODY = 50_000;

/** Pages at fixed paths (the legal pages and "about"); every other page is a free page at /seiten/:slug. */
export const fixedPageSlugs = ["impressum", "datenschutz", "barrierefreiheit", "ueber-uns", "mitmachen"] as const;
export type FixedPageSlug = (typeof fixedPageSlugs)[number];
export const isFixedPage = (slug: string): slug is FixedPageSlug => (fixedPageSlugs as readonly string[]).includes(slug);

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A version number from the form (the version check). */
export const VersionField = z.coerce
  .number({ error: "invalid" })
  .int()
  .positive()
  .max(2 ** 31 - 1);

/** What an editor saves of a page: titles and Markdown bodies in German and English, published (free pages). */
export const PageInput = z.object({
  titleDe: requiredText(200),
  titleEn: requiredText(200),
  bodyDe: textField(MAX_PAGE_BODY).default(""),
  bodyEn: textField(MAX_PAGE_BODY).default(""),
  published: checkbox.default(false),
});
export type PageInput = z.infer<typeof PageInput>;

/** A new free page: its slug (the public URL), global or one edition's (by year), then the content. */
export const NewPageInput = PageInput.extend({
  slug: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(80, { error: "tooLong" })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug" })
    .refine((s) => !isFixedPage(s), { error: "slugTaken" }),
  edition: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce.number({ error: "choose" }).int().min(2000, { error: "choose" }).max(2100, { error: "choose" }).nullable(),
  ),
});
export type NewPageInput = z.infer<typeof NewPageInput>;
