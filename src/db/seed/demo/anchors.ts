import type { NewSession } from "../../../events/event-record.ts";
import type { StateCode } from "../reference-data.ts";
import { composeEvent, type Mode } from "./compose-event.ts";
import type { OrgDraft } from "./organisations.ts";
import { type City, citiesOf, cityNamed, inventVenue, type VenueDraft } from "./places.ts";
import type { PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";
import { sessionAt } from "./sessions.ts";
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

/** The 2017 events the archive must show: opening, closing and two search examples. */
export const anchors2017: Anchor[] = [
  {
    state: "BE",
    org: { slug: "bundesministerium-wirtschaft-innovation-demo" },
    format: "forum",
    theme: "digitalisierung",
    venue: "Berlin",
    role: "opening",
    english: true,
    title: ["Auftakt der Clusterwoche Deutschland 2017", "Launch of Cluster Week Germany 2017"],
    sessions: [sessionAt("2017-04-20", "10:00", "13:00")],
  },
  {
    state: "BE",
    org: { slug: "go-cluster-geschaeftsstelle-demo" },
    format: "conference",
    theme: "industrie40",
    venue: "Berlin",
    role: "closing",
    english: true,
    title: ["go-cluster Jahreskonferenz 2017", "go-cluster Annual Conference 2017"],
    sessions: [sessionAt("2017-04-28", "09:30", "17:00")],
  },
  {
    state: "BW",
    org: { topic: "production" },
    format: "forum",
    theme: "industrie40",
    venue: "Stuttgart",
    title: ["Innovationstag Baden-Württemberg 2017", "Innovation Day Baden-Württemberg 2017"],
    sessions: [sessionAt("2017-04-25", "09:00", "17:30")],
  },
  {
    state: "BW",
    org: { topic: "materials" },
    format: "seminar",
    theme: "kunststoff",
    venue: "Stuttgart",
    title: ["Kunststoff-Recycling: Stand der Technik 2017", "Plastics recycling: state of the art 2017"],
    sessions: [sessionAt("2017-04-21", "09:00", "16:00")],
  },
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

function anchorCity(state: StateCode, name: string | undefined): City {
  return name ? cityNamed(state, name) : (citiesOf(state)[0] ?? cityNamed("BE", "Berlin"));
}

/** The planned event of a hand-written one; it keeps its status (published). */
export function planAnchor(rng: Rng, orgs: OrgDraft[], anchor: Anchor): PlannedEvent {
  const org = organiser(orgs, anchor);
  const mode = anchor.mode ?? "onsite";
  const venueState = anchor.state === "international" ? org.stateCode : anchor.state;
  const venue = typeof anchor.venue === "object" ? anchor.venue : inventVenue(rng, anchorCity(venueState, anchor.venue));
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
