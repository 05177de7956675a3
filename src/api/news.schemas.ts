import { z } from "zod";
import { IsoDateTime, Lang, Year } from "./api.schemas.ts";

export const NewsBody = z
  .object({
    slug: z.string(),
    edition: z.number().int().describe("Year of the edition the item belongs to"),
    title: z.string(),
    summary: z.string(),
    text: z.string().describe("Markdown source"),
    html: z.string().describe("The text rendered and sanitised, as the site shows it"),
    language: Lang.describe("Language the texts are in (German when no English text exists)"),
    press: z.boolean().describe("A press release (listed on /presse and in the press feeds)"),
    publishedAt: IsoDateTime.describe("Publication time; items under embargo are not listed and answer 404"),
    pdf: z.object({ url: z.url(), bytes: z.number().int(), pages: z.number().int() }).nullable().describe("The press release as PDF"),
    url: z.url().describe("The item's public page"),
  })
  .meta({ id: "NewsItem" });
export type NewsBody = z.infer<typeof NewsBody>;

export const NewsList = z.object({ data: z.array(NewsBody) }).meta({ id: "NewsList" });

export const NewsQuery = z.object({
  lang: Lang.optional(),
  edition: Year.optional().describe("Only items of this edition (year)"),
  press: z.enum(["true", "false"]).optional().describe("true: only press releases"),
});

export const NewsParams = z.object({ slug: z.string().max(80) });
export const NewsLangQuery = z.object({ lang: Lang.optional() });
