import type { NewSession } from "../../../events/event-record.ts";
import type { StateCode } from "../reference-data.ts";
import { composeEvent, type Mode } from "./compose-event.ts";
import type { OrgDraft } from "./organisations.ts";
import { abroad, cityNamed, citiesOf, inventVenue, messeHannover, type VenueDraft } from "./places.ts";
import type { PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";
import { allDaySession, sessionAt, spanningSession } from "./sessions.ts";
import { type TopicCode, themeByKey } from "./themes.ts";
import type { FormatCode } from "./titles.ts";

/** A hand-written event: the flagship events and the ones the demo must show (PRODUCT §10). */
export type Anchor = {
  state: StateCode | "international";
  /** The organiser: by slug, or the first organisation of `orgState` (default: `state`) with `topic`. */
  org: { slug: string } | { topic: TopicCode; state?: StateCode };
  format: FormatCode;
  mode?: Mode;
  theme: string;
  title: [de: string, en: string];
  sessions: NewSession[];
  /** A city of the Land, or a complete venue. */
  venue?: string | VenueDraft;
  partners?: string[];
  languages?: string[];
  english?: boolean;
  summary?: { de: string; en: string };
  role?: "opening" | "closing";
};

const closingVenue2019: VenueDraft = {
  name: "Konferenzzentrum am Spreeufer",
  street: "Am Spreeufer 5",
  postalCode: "10178",
  city: "Berlin",
  stateCode: "BE",
  country: "DE",
  latitude: 52.5155,
  longitude: 13.415,
};

export const anchors2019: Anchor[] = [
  {
    state: "NI", org: { slug: "bundesministerium-wirtschaft-innovation-demo" }, format: "conference", mode: "hybrid",
    theme: "industrie40", role: "opening", venue: messeHannover, english: true, languages: ["de", "en"],
    title: ["Eröffnung der Clusterwoche Deutschland 2019 auf der Hannover Messe", "Opening of Cluster Week Germany 2019 at Hannover Messe"],
    summary: {
      de: "Die Bundesministerin und der niedersächsische Wirtschaftsminister eröffnen die Clusterwoche 2019 mit Clustern aus allen sechzehn Ländern.",
      en: "The Federal Minister and Lower Saxony's Minister for Economic Affairs open Cluster Week 2019 with clusters from all sixteen states.",
    },
    sessions: [sessionAt("2019-04-02", "10:00", "12:30")],
  },
  {
    state: "BE", org: { slug: "go-cluster-geschaeftsstelle-demo" }, format: "conference", theme: "digitalisierung",
    role: "closing", venue: closingVenue2019, english: true, languages: ["de", "en"],
    title: ["go-cluster Jahreskonferenz 2019", "go-cluster Annual Conference 2019"],
    summary: {
      de: "Zum Abschluss der Clusterwoche treffen sich die Clustermanagerinnen und Clustermanager aus ganz Deutschland in Berlin.",
      en: "At the close of Cluster Week, cluster managers from all over Germany meet in Berlin.",
    },
    sessions: [sessionAt("2019-04-11", "09:30", "17:30")],
  },
  { state: "BW", org: { topic: "materials" }, format: "workshop", theme: "kunststoff", venue: "Stuttgart",
    title: ["Kunststoff-Recycling in der Praxis", "Plastics recycling in practice"], sessions: [sessionAt("2019-04-03", "09:00", "13:00")] },
  { state: "BW", org: { topic: "production" }, format: "forum", mode: "hybrid", theme: "industrie40", venue: "Stuttgart",
    english: true, partners: ["FR", "CH"], title: ["Innovationstag Baden-Württemberg 2019", "Innovation Day Baden-Württemberg 2019"],
    sessions: [sessionAt("2019-04-04", "09:00", "18:00")] },
  { state: "BW", org: { topic: "automotive" }, format: "workshop", theme: "leichtbau", venue: "Ulm",
    title: ["Leichtbau-Workshop Württemberg: Faserverbund richtig fügen", "Lightweight workshop Württemberg: joining fibre composites"],
    sessions: [sessionAt("2019-04-05", "13:30", "17:00")] },
  { state: "BW", org: { topic: "materials" }, format: "workshop", theme: "kunststoff", venue: "Karlsruhe",
    title: ["Workshop: Kunststoffe im Leichtbau – Spritzguss mit Endlosfasern", "Workshop: plastics in lightweight design – injection moulding with continuous fibres"],
    sessions: [sessionAt("2019-04-09", "09:00", "16:00")] },
  { state: "BW", org: { topic: "ict" }, format: "workshop", theme: "ki", venue: "Reutlingen",
    title: ["KI-Workshop für den Mittelstand in Baden-Württemberg", "AI workshop for SMEs in Baden-Württemberg"],
    sessions: [sessionAt("2019-04-08", "10:00", "15:00")] },
  { state: "BW", org: { topic: "chemistry" }, format: "conference", theme: "kunststoff", venue: "Aalen",
    title: ["Kunststofftag Württemberg 2019", "Plastics Day Württemberg 2019"], sessions: [sessionAt("2019-04-10", "09:30", "17:00")] },
  { state: "BW", org: { topic: "health" }, format: "exhibition", theme: "medizintechnik", venue: "Tübingen",
    title: ["Ausstellung: Medizintechnik aus Baden-Württemberg", "Exhibition: medical technology from Baden-Württemberg"],
    sessions: [allDaySession("2019-04-06"), allDaySession("2019-04-07")] },
  { state: "BY", org: { topic: "materials" }, format: "seminar", theme: "kunststoff", venue: "Augsburg",
    title: ["Kunststoffe im Automobil: Rezyklate richtig einsetzen", "Plastics in cars: using recyclates properly"],
    sessions: [sessionAt("2019-04-03", "09:00", "16:00")] },
  { state: "NW", org: { topic: "materials" }, format: "company_visit", theme: "kunststoff", venue: "Bielefeld",
    title: ["Kunststoff trifft Digitalisierung: Spritzguss 4.0 live erleben", "Plastics meet digitalisation: injection moulding 4.0 live"],
    sessions: [sessionAt("2019-04-09", "14:00", "16:30")] },
  { state: "international", org: { topic: "energy", state: "SN" }, format: "conference", theme: "batterie", venue: abroad.stockholm,
    partners: ["SE"], languages: ["en"], english: true,
    title: ["Deutsch-schwedischer Clusterdialog Batterietechnik", "Swedish-German Cluster Dialogue on Battery Technology"],
    sessions: [sessionAt("2019-04-04", "09:00", "16:00")] },
  { state: "international", org: { topic: "health", state: "BY" }, format: "forum", theme: "medizintechnik", venue: abroad.wien,
    partners: ["AT", "CH"], title: ["DACH-Forum Medizintechnik", "DACH Medical Technology Forum"], english: true,
    sessions: [spanningSession("2019-04-09", "10:00", "15:00")] },
  { state: "NW", org: { topic: "energy" }, format: "seminar", mode: "online", theme: "wasserstoff",
    title: ["Webinar: Wasserstoff in der Industrie – Chancen für Zulieferer", "Webinar: hydrogen in industry – opportunities for suppliers"],
    sessions: [sessionAt("2019-04-05", "10:00", "11:30")] },
  { state: "BE", org: { topic: "ict" }, format: "conference", mode: "hybrid", theme: "cyber", venue: "Berlin", partners: ["IL"],
    english: true, languages: ["de", "en"],
    title: ["Deutsch-Israelischer Innovationstag IT-Sicherheit", "German-Israeli Innovation Day on IT Security"],
    sessions: [sessionAt("2019-04-08", "09:00", "17:00")] },
  { state: "TH", org: { topic: "photonics" }, format: "networking", theme: "photonik", venue: "Jena", partners: ["CA"], english: true,
    title: ["Photonics meets Canada: Kooperationsbörse Photonik", "Photonics meets Canada: photonics partnering event"],
    sessions: [sessionAt("2019-04-03", "13:00", "18:00")] },
  { state: "NI", org: { topic: "food" }, format: "forum", theme: "smartfarming", venue: "Oldenburg", partners: ["PT", "NL"], english: true,
    title: ["Smart-Farming-Forum mit Partnern aus Portugal und den Niederlanden", "Smart Farming Forum with partners from Portugal and the Netherlands"],
    sessions: [spanningSession("2019-04-04", "10:00", "16:00")] },
  { state: "BE", org: { topic: "photonics" }, format: "open_day", theme: "photonik", venue: "Berlin",
    title: ["Tag der offenen Tür im Photonik-Labor Berlin", "Open day at the Berlin photonics lab"],
    sessions: [sessionAt("2019-04-06", "10:00", "16:00"), sessionAt("2019-04-07", "11:00", "16:00")] },
];

export const anchors2017: Anchor[] = [
  { state: "BE", org: { slug: "bundesministerium-wirtschaft-innovation-demo" }, format: "forum", theme: "digitalisierung",
    venue: "Berlin", role: "opening", english: true,
    title: ["Auftakt der Clusterwoche Deutschland 2017", "Launch of Cluster Week Germany 2017"],
    sessions: [sessionAt("2017-04-20", "10:00", "13:00")] },
  { state: "BE", org: { slug: "go-cluster-geschaeftsstelle-demo" }, format: "conference", theme: "industrie40", venue: "Berlin",
    role: "closing", english: true, title: ["go-cluster Jahreskonferenz 2017", "go-cluster Annual Conference 2017"],
    sessions: [sessionAt("2017-04-28", "09:30", "17:00")] },
  { state: "BW", org: { topic: "production" }, format: "forum", theme: "industrie40", venue: "Stuttgart",
    title: ["Innovationstag Baden-Württemberg 2017", "Innovation Day Baden-Württemberg 2017"],
    sessions: [sessionAt("2017-04-25", "09:00", "17:30")] },
  { state: "BW", org: { topic: "materials" }, format: "seminar", theme: "kunststoff", venue: "Stuttgart",
    title: ["Kunststoff-Recycling: Stand der Technik 2017", "Plastics recycling: state of the art 2017"],
    sessions: [sessionAt("2017-04-21", "09:00", "16:00")] },
];

function organiser(orgs: OrgDraft[], anchor: Anchor): OrgDraft {
  const spec = anchor.org;
  if ("slug" in spec) {
    const found = orgs.find((o) => o.slug === spec.slug);
    if (!found) throw new Error(`unknown demo organisation ${spec.slug}`);
    return found;
  }
  const state = spec.state ?? (anchor.state === "international" ? "BW" : anchor.state);
  const local = orgs.filter((o) => o.stateCode === state && o.kind !== "ministry" && o.kind !== "other");
  const found = local.find((o) => o.topics.includes(spec.topic)) ?? local[0];
  if (!found) throw new Error(`no demo organisation in ${state}`);
  return found;
}

export function planAnchor(rng: Rng, orgs: OrgDraft[], anchor: Anchor): PlannedEvent {
  const org = organiser(orgs, anchor);
  const mode = anchor.mode ?? "onsite";
  const venueState = anchor.state === "international" ? org.stateCode : anchor.state;
  const venue =
    typeof anchor.venue === "object"
      ? anchor.venue
      : inventVenue(rng, anchor.venue ? cityNamed(venueState, anchor.venue) : (citiesOf(venueState)[0] ?? cityNamed("BE", "Berlin")));
  const planned = composeEvent(rng, {
    org,
    stateCode: anchor.state === "international" || mode !== "online" ? anchor.state : org.stateCode,
    format: anchor.format,
    mode,
    theme: themeByKey(anchor.theme),
    title: { de: anchor.title[0], en: anchor.title[1] },
    english: anchor.english ?? false,
    sessions: anchor.sessions,
    venue,
    partnerCountries: anchor.partners ?? [],
    ...(anchor.languages ? { languages: anchor.languages } : {}),
    ...(anchor.summary ? { summary: anchor.summary } : {}),
  });
  planned.pinned = true;
  if (anchor.role) planned.role = anchor.role;
  return planned;
}
