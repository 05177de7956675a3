import type { StateCode } from "../reference-data.ts";
import { composeEvent, type Mode } from "./compose-event.ts";
import type { OrgDraft } from "./organisations.ts";
import { type City, citiesOf, inventVenue, type VenueDraft } from "./places.ts";
import type { PlannedCoOrganiser, PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";
import { pickDay, planSessions } from "./sessions.ts";
import { inventCompany } from "./text.ts";
import { themes, themesFor } from "./themes.ts";
import { chooseTitle, type FormatCode } from "./titles.ts";

type RegularFormat = Exclude<FormatCode, "trade_fair_booth">;

/** Relative frequency of the formats among generated events. */
const formatWeights: Record<RegularFormat, number> = {
  seminar: 14,
  conference: 11,
  workshop: 20,
  exhibition: 5,
  company_visit: 8,
  open_day: 6,
  talk: 9,
  forum: 5,
  networking: 15,
  other: 4,
};

const partnerCountries = ["SE", "IL", "CA", "PT", "NL", "FR", "GB", "AT", "CH", "PL", "CZ", "DK", "FI"];
const onsiteOnly: FormatCode[] = ["exhibition", "company_visit", "open_day"];

export type GeneratedPlan = {
  year: number;
  days: string[];
  /** Generated events per Land, on top of the hand-written ones. */
  counts: Partial<Record<StateCode, number>>;
  /** Share of events with English title and texts. */
  englishShare: number;
  /** Titles already taken by hand-written events. */
  takenTitles: Set<string>;
};

/** A shuffled list of formats, each as often as its weight asks, at least twice. */
function formatDeck(rng: Rng, size: number): RegularFormat[] {
  const entries = Object.entries(formatWeights) as [RegularFormat, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const deck: RegularFormat[] = [];
  for (const [code, weight] of entries) {
    for (let i = 0; i < Math.max(2, Math.round((size * weight) / total)); i++) deck.push(code);
  }
  while (deck.length < size) deck.push("workshop");
  return rng.shuffle(deck).slice(0, size);
}

/** The generated part of an edition's programme: realistic, varied, the same on every run. */
export function planGeneratedEvents(rng: Rng, orgs: OrgDraft[], plan: GeneratedPlan): PlannedEvent[] {
  const slots = (Object.entries(plan.counts) as [StateCode, number][]).flatMap(([state, n]) => Array.from({ length: n }, () => state));
  const deck = formatDeck(rng, slots.length);
  const hosts = new Map<StateCode, { list: OrgDraft[]; next: number }>();
  const events: PlannedEvent[] = [];
  slots.forEach((state, i) => {
    let entry = hosts.get(state);
    if (!entry) {
      const local = orgs.filter((o) => o.stateCode === state && o.kind !== "ministry" && o.kind !== "other");
      entry = { list: rng.shuffle(local), next: 0 };
      hosts.set(state, entry);
    }
    const org = entry.list[entry.next++ % entry.list.length];
    if (!org) throw new Error(`no demo organisation in ${state}`);
    events.push(planOne(rng, org, deck[i] ?? "workshop", plan, orgs));
  });
  return events;
}

function chooseMode(rng: Rng, format: FormatCode): Mode {
  if (onsiteOnly.includes(format)) return "onsite";
  const roll = rng.next();
  return roll < 0.11 ? "online" : roll < 0.2 ? "hybrid" : "onsite";
}

function planOne(rng: Rng, org: OrgDraft, format: RegularFormat, plan: GeneratedPlan, orgs: OrgDraft[]): PlannedEvent {
  const theme = rng.chance(0.9) ? rng.pick(themesFor(org.topics)) : rng.pick(themes.filter((t) => t.key !== "maritim"));
  const cities = citiesOf(org.stateCode);
  const city = rng.chance(0.5) ? (cities.find((c) => c.name === org.city) ?? rng.pick(cities)) : rng.pick(cities);
  const company = inventCompany(rng);
  const region = org.region ?? city.name;
  const context = { city: city.name, region, year: plan.year, company };
  let title = chooseTitle(rng, format, theme, context);
  for (let tries = 0; plan.takenTitles.has(title.de) && tries < 6; tries++) title = chooseTitle(rng, format, theme, context);
  if (plan.takenTitles.has(title.de)) title = { ...title, de: `${title.de} (${city.name})`, en: `${title.en} (${city.name})` };
  plan.takenTitles.add(title.de);

  const mode = chooseMode(rng, format);
  const venue = venueFor(rng, format, org, city, company);
  const partners = rng.chance(0.12) ? rng.sample(partnerCountries, rng.int(1, 2)) : [];
  const english = partners.length > 0 || rng.chance(plan.englishShare);
  const sessions = planSessions(rng, {
    format,
    online: mode === "online",
    timing: title.timing,
    day: pickDay(rng, plan.days, format),
    days: plan.days,
  });
  return composeEvent(rng, {
    org,
    stateCode: org.stateCode,
    format,
    mode,
    theme,
    title,
    english,
    sessions,
    venue,
    partnerCountries: partners,
    coOrganisers: coOrganisersFor(rng, org, orgs, city.name),
    ...(partners.length > 0 ? { languages: rng.chance(0.3) ? ["en"] : ["de", "en"] } : {}),
  });
}

function venueFor(rng: Rng, format: FormatCode, org: OrgDraft, city: City, company: string): VenueDraft {
  if (format === "company_visit") return inventVenue(rng, city, company);
  if (org.kind === "research_institution" || org.kind === "company") return inventVenue(rng, city, org.name);
  if (format === "open_day") return inventVenue(rng, city, `Technikum ${org.shortName ?? org.name}`);
  return inventVenue(rng, city);
}

function coOrganisersFor(rng: Rng, org: OrgDraft, orgs: OrgDraft[], city: string): PlannedCoOrganiser[] {
  if (!rng.chance(0.18)) return [];
  const neighbours = orgs.filter((o) => o.stateCode === org.stateCode && o.slug !== org.slug && o.kind !== "ministry");
  if (neighbours.length > 0 && rng.chance(0.6)) {
    const partner = rng.pick(neighbours);
    return [{ orgSlug: partner.slug, name: partner.name }];
  }
  return [{ name: rng.chance(0.5) ? inventCompany(rng) : `Technologietransferstelle ${city}` }];
}
