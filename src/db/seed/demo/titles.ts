import type { formats } from "../reference-data.ts";
import type { Rng } from "./random.ts";
import type { Theme } from "./themes.ts";

export type FormatCode = (typeof formats)[number][0];

/** When an event of a title pattern happens: a time span on one day, across two days, or all day. */
export type Timing = { kind: "day"; from: string; to: string } | { kind: "span" } | { kind: "allDay" };

export type TitleChoice = { de: string; en: string; timing?: Timing };

type Pattern = [de: string, en: string, timing?: Timing];

const at = (from: string, to: string): Timing => ({ kind: "day", from, to });

/** {T} theme, {Te} English theme, {C} compound form, {City}, {Region}, {Y} year, {Company}. */
const patterns: Record<Exclude<FormatCode, "trade_fair_booth">, Pattern[]> = {
  seminar: [
    ["Seminar: {T} kompakt", "Seminar: {Te} in a nutshell"],
    ["{T} für Einsteiger: Grundlagen und Praxisbeispiele", "{Te} for newcomers: basics and examples"],
    ["Förderprogramme für {T}: Seminar für KMU", "Funding programmes for {Te}: a seminar for SMEs", at("09:30", "12:30")],
    ["{C}-Seminar: Normen, Recht und Zertifizierung", "{Te} seminar: standards, law and certification"],
  ],
  conference: [
    ["Fachtagung {T} {Y}", "{Te} Conference {Y}"],
    ["{C}-Tag {City}", "{Te} Day {City}"],
    ["{T}: Von der Forschung in die Anwendung", "{Te}: from research to application"],
    ["Fachkonferenz {T} {Region}", "{Te} conference {Region}", { kind: "span" }],
  ],
  workshop: [
    ["Workshop: {T} in der Praxis", "Workshop: {Te} in practice"],
    ["{C}-Werkstatt: Anwendungsfälle gemeinsam entwickeln", "{Te} lab: developing use cases together"],
    ["Design-Thinking-Workshop {T}", "Design thinking workshop: {Te}"],
    ["Workshop {T}: Potenziale für Ihr Unternehmen", "Workshop {Te}: potential for your company", at("13:30", "17:00")],
  ],
  exhibition: [
    ["Ausstellung: {T} zum Anfassen", "Exhibition: {Te} up close", { kind: "allDay" }],
    ["Innovationsschau {T} {Region}", "{Te} innovation show {Region}", { kind: "allDay" }],
  ],
  company_visit: [
    ["Unternehmensbesuch: {T} in {City}", "Company visit: {Te} in {City}"],
    ["Blick hinter die Kulissen: {T} bei {Company}", "Behind the scenes: {Te} at {Company}"],
  ],
  open_day: [
    ["Tag der offenen Tür: {C}-Labor {City}", "Open day: {Te} lab {City}"],
    ["Offene Labore: {T} erleben", "Open labs: experience {Te}"],
  ],
  talk: [
    ["Abendvortrag: Wie {T} die Wertschöpfung verändert", "Evening talk: how {Te} is changing value creation", at("18:30", "20:00")],
    ["Vortrag: {T} – Trends und Perspektiven", "Talk: {Te} – trends and prospects"],
  ],
  forum: [
    ["Innovationsforum {T}", "Innovation forum: {Te}"],
    ["{C}-Kongress {Region} {Y}", "{Te} Congress {Region} {Y}", { kind: "span" }],
  ],
  networking: [
    ["Netzwerktreffen {T} {Region}", "{Te} network meeting {Region}"],
    ["Cluster-Frühstück: {T}", "Cluster breakfast: {Te}", at("07:30", "09:30")],
    ["Speed-Dating {T}: Forschung trifft Industrie", "Speed dating {Te}: research meets industry"],
    ["{C}-Stammtisch {City}", "{Te} get-together {City}", at("18:30", "21:30")],
  ],
  other: [
    ["Hackathon {T}", "Hackathon: {Te}", { kind: "span" }],
    ["Pitch-Abend {T}: Start-ups stellen sich vor", "Pitch night {Te}: start-ups present themselves", at("18:00", "21:00")],
    ["Preisverleihung Innovationspreis {T} {Region}", "{Te} innovation award {Region}: ceremony", at("17:00", "20:00")],
  ],
};

export type TitleContext = { city: string; region: string; year: number; company: string };

/** A title for an event of this format about this theme; now and then one of the theme's own titles. */
export function chooseTitle(rng: Rng, format: FormatCode, theme: Theme, context: TitleContext): TitleChoice {
  const own = format === "workshop" || format === "seminar" || format === "talk" || format === "conference";
  if (format !== "trade_fair_booth" && own && rng.chance(0.35)) {
    const [de, en] = rng.pick(theme.titles);
    return { de, en };
  }
  if (format === "trade_fair_booth") throw new Error("booth titles are made by the booth planner");
  const [de, en, timing] = rng.pick(patterns[format]);
  const fill = (text: string) =>
    text
      .replaceAll("{Te}", lowerFirst(theme.en))
      .replaceAll("{T}", theme.de)
      .replaceAll("{C}", theme.compound)
      .replaceAll("{City}", context.city)
      .replaceAll("{Region}", context.region)
      .replaceAll("{Y}", String(context.year))
      .replaceAll("{Company}", context.company);
  return { de: fill(de), en: upperFirst(fill(en)), ...(timing ? { timing } : {}) };
}

/** Lower-cases a theme inside an English sentence, but keeps acronyms and numbered names ("IT", "Industry 4.0"). */
function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text) || /\d/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
