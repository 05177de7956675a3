import { z } from "zod";
import { IsoDate, Lang } from "./api.schemas.ts";
import { listParam } from "./events.schemas.ts";

export const Kind = z.enum(["cluster_initiative", "network", "ministry", "research_institution", "company", "other"]);

/** The fields every organisation shape starts with. */
const OrganisationBase = z.object({
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: Kind,
  state: z.string(),
  city: z.string(),
});

export const OrganisationSummary = OrganisationBase.extend({
  events: z.number().int().describe("Public events in the edition"),
  url: z.url().describe("The organisation's public page"),
  links: z.object({ self: z.url(), events: z.url(), page: z.url() }),
}).meta({ id: "OrganisationSummary" });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const OrganisationList = z
  .object({ edition: z.number().int(), data: z.array(OrganisationSummary) })
  .meta({ id: "OrganisationList" });

export const OrganisationDetail = OrganisationBase.extend({
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  description: z.string(),
  topics: z.array(z.string()),
  labels: z.array(z.string()),
  url: z.url().describe("The organisation's public page"),
  links: z.object({ self: z.url(), events: z.url(), page: z.url() }),
}).meta({ id: "OrganisationDetail" });
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;

export const TradeFairPresence = z
  .object({
    id: z.number().int(),
    fair: z.string(),
    hall: z.string(),
    booth: z.string(),
    days: z.array(IsoDate),
    coExhibitors: z.array(z.string()),
    text: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
    event: z.object({ id: z.number().int(), links: z.object({ self: z.url() }) }).nullable(),
  })
  .meta({ id: "TradeFairPresence" });
export type TradeFairPresence = z.infer<typeof TradeFairPresence>;

export const TradeFairPresenceList = z
  .object({ edition: z.number().int(), data: z.array(TradeFairPresence) })
  .meta({ id: "TradeFairPresenceList" });

export const EditionQuery = z.object({
  edition: z.string().max(10).optional().describe("Edition year (default: the current edition)"),
  lang: Lang.optional(),
});
export const OrganisationsQuery = EditionQuery.extend({
  state: listParam("State code of the organisation's seat"),
  kind: listParam(`Kind of organisation: ${Kind.options.join(", ")}`),
});
export type OrganisationsQuery = z.infer<typeof OrganisationsQuery>;

export const SlugParams = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/, { error: "an organisation slug (a-z, 0-9, -)" }),
});
export const LangQuery = z.object({ lang: Lang.optional() });
