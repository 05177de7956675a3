import { z } from "zod";
import { IsoDate, Lang, Year } from "./api.schemas.ts";

export const EditionBody = z
  .object({
    year: z.number().int(),
    title: z.string(),
    motto: z.string(),
    hashtag: z.string(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    status: z.enum(["planning", "open", "running", "archived"]),
    current: z.boolean().describe("The edition the site shows by default"),
    days: z.array(IsoDate),
    url: z.url().describe("The edition's programme page"),
    links: z.object({ self: z.url(), events: z.url(), statistics: z.url(), page: z.url() }),
  })
  .meta({ id: "Edition" });
export type EditionBody = z.infer<typeof EditionBody>;

export const EditionList = z.object({ data: z.array(EditionBody) }).meta({ id: "EditionList" });

const Counts = z.record(z.string(), z.number().int().min(0));

export const EditionStatistics = z
  .object({
    edition: z.number().int(),
    total: z.number().int().min(0).describe("Public events (published or cancelled)"),
    byState: Counts.describe("Per state code; `online` counts events held online"),
    byDay: Counts.describe("Per day (YYYY-MM-DD) an event takes place on"),
    byFormat: Counts.describe("Per format code"),
    byMode: Counts.describe("Per attendance mode: onsite, online, hybrid"),
  })
  .meta({ id: "EditionStatistics" });
export type EditionStatistics = z.infer<typeof EditionStatistics>;

export const LangQuery = z.object({ lang: Lang.optional() });
export const YearParams = z.object({ year: Year });
