import { berlinDay, berlinTime } from "../../../events/event-dates.ts";
import type { NewSession } from "../../../events/event-record.ts";
import type { Accessibility, EventLink } from "../../schema/index.ts";
import type { targetGroups } from "../reference-data.ts";
import type { OrgDraft } from "./organisations.ts";
import type { VenueDraft } from "./places.ts";
import type { PlannedCoOrganiser, PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";
import { addDays, inventPerson, slugify } from "./text.ts";
import type { Theme } from "./themes.ts";
import type { FormatCode } from "./titles.ts";

type TargetGroup = (typeof targetGroups)[number][0];
export type Mode = "onsite" | "online" | "hybrid";

export type EventSpec = {
  org: OrgDraft;
  stateCode: string;
  format: FormatCode;
  mode: Mode;
  theme: Theme;
  title: { de: string; en: string };
  /** Whether the English fields are filled in. */
  english: boolean;
  sessions: NewSession[];
  venue: VenueDraft | null;
  partnerCountries?: string[];
  coOrganisers?: PlannedCoOrganiser[];
  languages?: string[];
  summary?: { de: string; en: string };
};

const formatPhrase: Record<FormatCode, [de: string, en: string]> = {
  seminar: ["einem Seminar", "a seminar"],
  conference: ["einer Fachtagung", "a conference"],
  workshop: ["einem Workshop", "a workshop"],
  exhibition: ["einer Ausstellung", "an exhibition"],
  company_visit: ["einem Unternehmensbesuch", "a company visit"],
  open_day: ["einem Tag der offenen Tür", "an open day"],
  talk: ["einem Vortrag", "a talk"],
  forum: ["einem Forum", "a forum"],
  networking: ["einem Netzwerktreffen", "a networking meeting"],
  trade_fair_booth: ["ihrem Messestand", "its booth"],
  other: ["einer besonderen Veranstaltung", "a special event"],
};

const audiences: Record<FormatCode, TargetGroup[]> = {
  seminar: ["smes", "companies", "researchers"],
  conference: ["companies", "researchers", "policy", "press"],
  workshop: ["smes", "companies", "startups"],
  exhibition: ["public", "pupils", "companies"],
  company_visit: ["companies", "students", "smes"],
  open_day: ["public", "pupils", "students"],
  talk: ["public", "companies", "students"],
  forum: ["companies", "policy", "researchers", "investors"],
  networking: ["companies", "startups", "researchers"],
  trade_fair_booth: ["companies", "investors", "press"],
  other: ["startups", "investors", "students"],
};

const countryNames: Record<string, [de: string, en: string]> = {
  SE: ["Schweden", "Sweden"],
  IL: ["Israel", "Israel"],
  CA: ["Kanada", "Canada"],
  PT: ["Portugal", "Portugal"],
  NL: ["Niederlande", "Netherlands"],
  FR: ["Frankreich", "France"],
  GB: ["Vereinigtes Königreich", "United Kingdom"],
  AT: ["Österreich", "Austria"],
  CH: ["Schweiz", "Switzerland"],
  PL: ["Polen", "Poland"],
  CZ: ["Tschechien", "Czechia"],
  DK: ["Dänemark", "Denmark"],
  FI: ["Finnland", "Finland"],
};

function countryList(codes: string[], lang: 0 | 1): string {
  return codes.map((code) => countryNames[code]?.[lang] ?? code).join(", ");
}

const costs = ["50 € zzgl. MwSt.", "120 € zzgl. MwSt., Mitglieder 80 €", "25 € inkl. Verpflegung", "Teilnahmegebühr 95 € zzgl. MwSt."];
const capacities = [20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 300];

/** Fills in everything a realistic event has, from a few decisions the planner made. */
export function composeEvent(rng: Rng, spec: EventSpec): PlannedEvent {
  const { org, theme, format, mode, venue } = spec;
  const slug = slugify(spec.title.de);
  const host = org.shortName ?? org.name;
  const [phraseDe, phraseEn] = formatPhrase[format];
  const city = venue?.city ?? "";
  const whereDe = mode === "online" ? "online" : mode === "hybrid" ? `in ${city} und im Livestream` : `in ${city}`;
  const whereEn = mode === "online" ? "online" : mode === "hybrid" ? `in ${city} and via live stream` : `in ${city}`;
  const summary = spec.summary ?? {
    de: `${theme.hook[0]} ${host} lädt zu ${phraseDe} ${whereDe} ein.`,
    en: `${theme.hook[1]} ${host} invites you to ${phraseEn} ${whereEn}.`,
  };
  const isFree = format === "trade_fair_booth" || !rng.chance(0.15);
  const contact = rng.chance(0.85) ? inventPerson(rng, org.stateCode) : null;
  const registration = format !== "trade_fair_booth" && format !== "exhibition" && rng.chance(0.7);
  const byUrl = rng.chance(0.6);
  const firstStart = spec.sessions[0]?.startsAt ?? new Date(0);
  const online = mode !== "onsite";
  return {
    org,
    venue: mode === "online" ? null : venue,
    coOrganisers: spec.coOrganisers ?? [],
    sessions: spec.sessions,
    values: {
      slug,
      status: "published",
      titleDe: spec.title.de,
      titleEn: spec.english ? spec.title.en : null,
      summaryDe: summary.de,
      summaryEn: spec.english ? summary.en : null,
      descriptionDe: describeDe(theme, host, spec),
      descriptionEn: spec.english ? describeEn(theme, host, spec) : null,
      formatCode: format,
      mode,
      stateCode: spec.stateCode,
      onlineUrl: online ? `https://meet.example.com/${slug}` : null,
      liveUrl: mode === "hybrid" && rng.chance(0.5) ? `https://stream.example.org/${slug}` : null,
      topics: rng.sample(theme.topics, rng.int(1, Math.min(3, theme.topics.length))),
      targetGroups: rng.sample(audiences[format], rng.int(1, 3)),
      languages: spec.languages ?? (spec.english && rng.chance(0.6) ? ["de", "en"] : ["de"]),
      partnerCountries: spec.partnerCountries ?? [],
      isFree,
      costText: isFree ? null : rng.pick(costs),
      registrationUrl: registration && byUrl ? `${org.website ?? "https://anmeldung.example.org"}/anmeldung/${slug}` : null,
      registrationEmail: registration && !byUrl ? (contact?.email ?? "anmeldung@example.org") : null,
      registrationDeadline: registration && rng.chance(0.6) ? berlinTime(addDays(berlinDay(firstStart), -2), "12:00") : null,
      capacity: rng.chance(0.5) ? rng.pick(capacities) : null,
      accessibility: accessibility(rng, mode),
      contactName: contact?.name ?? null,
      contactEmail: contact?.email ?? null,
      contactPhone: contact?.phone ?? null,
      links: links(rng, org, slug),
    },
  };
}

function accessibility(rng: Rng, mode: Mode): Accessibility {
  if (rng.chance(0.35)) return {};
  const result: Accessibility = {};
  if (mode !== "online") {
    result.stepFree = rng.chance(0.8);
    result.hearingLoop = rng.chance(0.2);
    result.signLanguage = rng.chance(0.1);
  }
  if (mode !== "onsite") result.subtitles = rng.chance(0.5);
  if (rng.chance(0.4)) {
    result.notes =
      mode === "online"
        ? "Live-Untertitel auf Deutsch, Folien vorab als barrierefreies PDF."
        : "Aufzug am Haupteingang, Behindertenparkplätze im Hof.";
  }
  return result;
}

function links(rng: Rng, org: OrgDraft, slug: string): EventLink[] {
  if (!rng.chance(0.4)) return [];
  const site = org.website ?? "https://clusterwoche.example";
  const result: EventLink[] = [{ label: "Programm (PDF)", url: `${site}/programm/${slug}.pdf` }];
  if (rng.chance(0.5)) result.push({ label: "Anfahrt", url: `${site}/anfahrt` });
  return result;
}

function describeDe(theme: Theme, host: string, spec: EventSpec): string {
  const partners = spec.partnerCountries?.length
    ? ` Mit dabei sind internationale Partner (${countryList(spec.partnerCountries, 0)}).`
    : "";
  const items = theme.agenda.map(([de]) => `- ${de}`).join("\n");
  const year = spec.sessions[0]?.startsAt.getUTCFullYear() ?? "";
  return [
    `${theme.hook[0]} ${host} stellt Erfahrungen aus Unternehmen und Forschung vor und lädt zum Austausch ein.${partners}`,
    "**Programm**",
    `${items}\n- Austausch und Vernetzung`,
    `Die Veranstaltung ist Teil der Clusterwoche Deutschland ${year}.`,
  ].join("\n\n");
}

function describeEn(theme: Theme, host: string, spec: EventSpec): string {
  const partners = spec.partnerCountries?.length ? ` International partners take part (${countryList(spec.partnerCountries, 1)}).` : "";
  const items = theme.agenda.map(([, en]) => `- ${en}`).join("\n");
  const year = spec.sessions[0]?.startsAt.getUTCFullYear() ?? "";
  return [
    `${theme.hook[1]} ${host} presents experience from industry and research and invites you to exchange ideas.${partners}`,
    "**Programme**",
    `${items}\n- Networking`,
    `The event is part of Cluster Week Germany ${year}.`,
  ].join("\n\n");
}
