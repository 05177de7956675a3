import type { organisation } from "../../schema/index.ts";
import type { StateCode } from "../reference-data.ts";
import { createRng, type Rng } from "./random.ts";
import { inventCompany, inventPerson, slugify } from "./text.ts";
import type { TopicCode } from "./themes.ts";

export type OrgDraft = Omit<typeof organisation.$inferInsert, "id"> & {
  /** The region the organisation names itself after; not a column. */
  region?: string;
  slug: string;
  name: string;
  stateCode: StateCode;
  city: string;
  topics: string[];
};

type Field = { de: string; en: string; short: string; compound: string; topics: TopicCode[] };

const fields = {
  leichtbau: { de: "Leichtbau", en: "lightweight engineering", short: "Leichtbau", compound: "Leichtbau", topics: ["materials", "automotive"] },
  kunststoff: { de: "Kunststoff", en: "plastics", short: "Kunststoff", compound: "Kunststoff", topics: ["materials", "chemistry"] },
  medizin: { de: "Medizintechnik", en: "medical technology", short: "Medizintechnik", compound: "Medizintechnik", topics: ["health"] },
  photonik: { de: "Photonik", en: "photonics", short: "Photonik", compound: "Photonik", topics: ["photonics", "microelectronics"] },
  auto: { de: "Automotive", en: "automotive", short: "Automotive", compound: "Automotive", topics: ["automotive", "production"] },
  mikro: { de: "Mikroelektronik", en: "microelectronics", short: "Mikroelektronik", compound: "Mikroelektronik", topics: ["microelectronics", "ict"] },
  luftfahrt: { de: "Luft- und Raumfahrt", en: "aerospace", short: "Luftfahrt", compound: "Luftfahrt", topics: ["aerospace", "materials"] },
  maritim: { de: "Maritime Wirtschaft", en: "maritime industry", short: "Maritim", compound: "Meerestechnik", topics: ["maritime", "logistics"] },
  biotech: { de: "Biotechnologie", en: "biotechnology", short: "BioTech", compound: "BioTech", topics: ["biotech", "health"] },
  energie: { de: "Energietechnik", en: "energy technology", short: "Energie", compound: "Energie", topics: ["energy"] },
  wasserstoff: { de: "Wasserstoff", en: "hydrogen", short: "Wasserstoff", compound: "Wasserstoff", topics: ["energy", "automotive"] },
  software: { de: "Software und IT", en: "software and IT", short: "Software", compound: "Software", topics: ["ict"] },
  logistik: { de: "Logistik", en: "logistics", short: "Logistik", compound: "Logistik", topics: ["logistics"] },
  food: { de: "Ernährungswirtschaft", en: "food industry", short: "Food", compound: "Food", topics: ["food", "biotech"] },
  chemie: { de: "Chemie", en: "chemistry", short: "Chemie", compound: "Chemie", topics: ["chemistry", "materials"] },
  kreativ: { de: "Kreativwirtschaft", en: "creative industries", short: "Kreativ", compound: "Kreativ", topics: ["creative", "ict"] },
  bau: { de: "Holzbau", en: "timber construction", short: "Holzbau", compound: "Holzbau", topics: ["construction", "materials"] },
  produktion: { de: "Produktionstechnik", en: "production technology", short: "Produktion", compound: "Produktions", topics: ["production", "ict"] },
} satisfies Record<string, Field>;
type FieldKey = keyof typeof fields;

type Profile = { count: number; regions: [region: string, city: string][]; fields: FieldKey[] };

/** How many demo organisations each Land has, its regions (with a city there) and its strong fields. */
const profiles: Record<StateCode, Profile> = {
  BW: {
    count: 22,
    regions: [
      ["Südwest", "Stuttgart"], ["Region Stuttgart", "Stuttgart"], ["Neckar-Alb", "Reutlingen"], ["Oberrhein", "Freiburg im Breisgau"],
      ["Bodensee", "Friedrichshafen"], ["Nordschwarzwald", "Pforzheim"], ["Rhein-Neckar", "Mannheim"], ["Ostwürttemberg", "Aalen"],
      ["Heilbronn-Franken", "Heilbronn"], ["Donau-Iller", "Ulm"], ["Mittlerer Oberrhein", "Karlsruhe"], ["Württemberg", "Tübingen"],
    ],
    fields: ["kunststoff", "leichtbau", "auto", "medizin", "photonik", "produktion", "software", "wasserstoff", "biotech", "mikro", "kreativ"],
  },
  BY: {
    count: 14,
    regions: [
      ["Bayern", "München"], ["Oberbayern", "Ingolstadt"], ["Franken", "Nürnberg"], ["Mittelfranken", "Erlangen"],
      ["Ostbayern", "Regensburg"], ["Schwaben", "Augsburg"], ["Mainfranken", "Würzburg"], ["München", "München"],
    ],
    fields: ["luftfahrt", "auto", "software", "biotech", "medizin", "energie", "kunststoff", "produktion"],
  },
  NW: {
    count: 12,
    regions: [
      ["NRW", "Düsseldorf"], ["Ruhr", "Dortmund"], ["Rheinland", "Köln"], ["Westfalen", "Münster"], ["Ostwestfalen-Lippe", "Bielefeld"],
      ["Aachen", "Aachen"], ["Niederrhein", "Duisburg"], ["Metropole Ruhr", "Essen"], ["Paderborner Land", "Paderborn"],
    ],
    fields: ["chemie", "logistik", "energie", "produktion", "kunststoff", "software", "medizin", "wasserstoff"],
  },
  NI: {
    count: 10,
    regions: [
      ["Niedersachsen", "Hannover"], ["Region Hannover", "Hannover"], ["Braunschweig", "Braunschweig"], ["Weser-Ems", "Oldenburg"],
      ["Osnabrücker Land", "Osnabrück"], ["Südniedersachsen", "Göttingen"], ["Wolfsburg", "Wolfsburg"],
    ],
    fields: ["auto", "energie", "food", "luftfahrt", "produktion", "maritim"],
  },
  SN: {
    count: 8,
    regions: [["Sachsen", "Dresden"], ["Leipzig", "Leipzig"], ["Chemnitz", "Chemnitz"], ["Erzgebirge", "Freiberg"], ["Südwestsachsen", "Zwickau"], ["Elbtal", "Dresden"]],
    fields: ["mikro", "auto", "leichtbau", "energie", "biotech"],
  },
  HE: {
    count: 7,
    regions: [["Hessen", "Wiesbaden"], ["Rhein-Main", "Frankfurt am Main"], ["Nordhessen", "Kassel"], ["Mittelhessen", "Gießen"], ["Südhessen", "Darmstadt"]],
    fields: ["chemie", "medizin", "software", "logistik", "energie"],
  },
  BE: { count: 6, regions: [["Berlin", "Berlin"], ["Hauptstadtregion", "Berlin"], ["Spree", "Berlin"]], fields: ["medizin", "software", "photonik", "kreativ", "energie"] },
  BB: {
    count: 4,
    regions: [["Brandenburg", "Potsdam"], ["Lausitz", "Cottbus"], ["Oderland", "Frankfurt (Oder)"], ["Dahme-Spreewald", "Wildau"]],
    fields: ["energie", "logistik", "food", "wasserstoff"],
  },
  HB: { count: 2, regions: [["Bremen", "Bremen"], ["Unterweser", "Bremerhaven"]], fields: ["luftfahrt", "maritim"] },
  HH: { count: 3, regions: [["Hamburg", "Hamburg"], ["Metropolregion Hamburg", "Hamburg"], ["Elbe", "Hamburg"]], fields: ["luftfahrt", "maritim", "logistik"] },
  MV: { count: 3, regions: [["Mecklenburg-Vorpommern", "Schwerin"], ["Ostsee", "Rostock"], ["Vorpommern", "Greifswald"]], fields: ["medizin", "maritim", "food"] },
  RP: {
    count: 5,
    regions: [["Rheinland-Pfalz", "Mainz"], ["Pfalz", "Ludwigshafen am Rhein"], ["Westpfalz", "Kaiserslautern"], ["Mittelrhein", "Koblenz"], ["Trier", "Trier"]],
    fields: ["chemie", "software", "kunststoff", "auto"],
  },
  SL: { count: 2, regions: [["Saar", "Saarbrücken"], ["Saarland", "Homburg"]], fields: ["auto", "software"] },
  ST: {
    count: 4,
    regions: [["Sachsen-Anhalt", "Magdeburg"], ["Mitteldeutschland", "Halle (Saale)"], ["Anhalt", "Dessau-Roßlau"], ["Magdeburger Börde", "Magdeburg"]],
    fields: ["chemie", "food", "energie", "kunststoff"],
  },
  SH: {
    count: 4,
    regions: [["Schleswig-Holstein", "Kiel"], ["Kieler Förde", "Kiel"], ["Lübecker Bucht", "Lübeck"], ["Nord", "Flensburg"]],
    fields: ["maritim", "energie", "medizin", "food"],
  },
  TH: {
    count: 5,
    regions: [["Thüringen", "Erfurt"], ["Jena", "Jena"], ["Ostthüringen", "Jena"], ["Südthüringen", "Ilmenau"], ["Mittelthüringen", "Weimar"]],
    fields: ["photonik", "mikro", "medizin", "auto"],
  },
};

const clusterPatterns = [
  (f: Field, r: string) => `Cluster ${f.de} ${r} e.V.`,
  (f: Field, r: string) => `${f.compound}-Cluster ${r}`,
  (f: Field, r: string) => `Kompetenznetz ${f.de} ${r}`,
  (f: Field, r: string) => `Innovationsallianz ${f.de} ${r}`,
  (f: Field, r: string) => `${f.compound}-Initiative ${r}`,
] as const;

type Kind = OrgDraft["kind"];

/** The kind of the i-th organisation of a Land: mostly cluster initiatives, a few of the others. */
function kindAt(i: number, count: number): NonNullable<Kind> {
  if (i === 3 && count >= 4) return "network";
  if (i === 5 && count >= 7) return "research_institution";
  if (i === 8 && count >= 10) return "company";
  return "cluster_initiative";
}

function nameFor(rng: Rng, kind: NonNullable<Kind>, field: Field, region: string, city: string): string {
  if (kind === "network") return `Netzwerk ${field.de} ${region}`;
  if (kind === "research_institution") return `Forschungszentrum ${field.de} ${city}`;
  if (kind === "company") return inventCompany(rng);
  return rng.pick(clusterPatterns)(field, region);
}

function shortNameFor(kind: NonNullable<Kind>, name: string, field: Field, region: string, city: string): string {
  if (kind === "company") return name.replace(/ (GmbH|AG)( & Co\. KG)?$/, "");
  if (kind === "research_institution") return `FZ ${field.short} ${city}`;
  if (kind === "network") return `Netzwerk ${field.short} ${region}`;
  return `${field.short} ${region}`;
}

function labelsFor(rng: Rng, kind: NonNullable<Kind>): string[] {
  if (kind !== "cluster_initiative" && kind !== "network") return [];
  const labels = rng.chance(0.45) ? ["go-cluster"] : [];
  const roll = rng.next();
  if (roll < 0.1) labels.push("Cluster-Exzellenz Label GOLD");
  else if (roll < 0.22) labels.push("Cluster-Exzellenz Label SILBER");
  else if (roll < 0.37) labels.push("Cluster-Exzellenz Label BRONZE");
  return labels;
}

const inventedDe = "Diese Organisation ist für die Demo-Daten der Clusterwoche erfunden; Ähnlichkeiten mit realen Einrichtungen sind zufällig.";
const inventedEn = "This organisation is invented for the Clusterwoche demo data; any resemblance to real institutions is coincidental.";

function describe(name: string, field: Field, region: string): { descriptionDe: string; descriptionEn: string } {
  return {
    descriptionDe: `${name} bringt Unternehmen, Hochschulen und Forschungseinrichtungen der Region ${region} im Bereich ${field.de} zusammen: mit Arbeitskreisen, gemeinsamen Projekten und Veranstaltungen.\n\n${inventedDe}`,
    descriptionEn: `${name} brings together companies, universities and research institutes in ${field.en} in the ${region} region: through working groups, joint projects and events.\n\n${inventedEn}`,
  };
}

const organisationsCreated = Date.UTC(2016, 9, 1, 8, 0);
const hour = 3_600_000;

/** The national bodies that open and close the week. */
const nationalBodies: OrgDraft[] = [
  {
    slug: "bundesministerium-wirtschaft-innovation-demo",
    name: "Bundesministerium für Wirtschaft und Innovation (Demo)",
    shortName: "BMWI (Demo)",
    kind: "ministry",
    stateCode: "BE",
    city: "Berlin",
    website: "https://bmwi-demo.example",
    descriptionDe: `Das Ministerium trägt die Clusterwoche gemeinsam mit den Ländern.\n\n${inventedDe}`,
    descriptionEn: `The ministry runs the Cluster Week together with the states.\n\n${inventedEn}`,
    topics: ["production", "ict", "energy"],
    labels: [],
  },
  {
    slug: "go-cluster-geschaeftsstelle-demo",
    name: "go-cluster Geschäftsstelle (Demo)",
    shortName: "go-cluster",
    kind: "other",
    stateCode: "BE",
    city: "Berlin",
    website: "https://go-cluster-demo.example",
    descriptionDe: `Die Geschäftsstelle begleitet die Clusterinitiativen des Programms und richtet die Jahreskonferenz aus.\n\n${inventedDe}`,
    descriptionEn: `The office supports the programme's cluster initiatives and hosts the annual conference.\n\n${inventedEn}`,
    topics: ["production", "ict"],
    labels: [],
  },
];

/** About 110 invented organisations over all 16 Länder, the same on every run. */
export function demoOrganisations(): OrgDraft[] {
  const rng = createRng(110);
  const created = new Date(organisationsCreated);
  const drafts: OrgDraft[] = nationalBodies.map((o) => ({
    ...o,
    ...inventContact(rng, o.stateCode),
    createdAt: created,
    updatedAt: created,
  }));
  const slugs = new Set(drafts.map((d) => d.slug));
  for (const [stateCode, profile] of Object.entries(profiles) as [StateCode, Profile][]) {
    const fieldCount = profile.fields.length;
    for (let i = 0; i < profile.count; i++) {
      const field: Field = fields[profile.fields[i % fieldCount] as FieldKey];
      // shift the region on every round through the fields, so no field-region pair repeats
      const [region, city] = profile.regions[((i % fieldCount) + Math.floor(i / fieldCount)) % profile.regions.length] ?? [stateCode, stateCode];
      const kind = kindAt(i, profile.count);
      let name = nameFor(rng, kind, field, region, city);
      for (let tries = 1; slugs.has(slugify(name)); tries++) {
        name = tries < 5 ? nameFor(rng, kind, field, region, city) : `${nameFor(rng, kind, field, region, city)} ${tries}`;
      }
      const slug = slugify(name);
      slugs.add(slug);
      drafts.push({
        region,
        slug,
        name,
        shortName: shortNameFor(kind, name, field, region, city),
        kind,
        stateCode,
        city,
        website: `https://${slug}.example`,
        ...describe(name, field, region),
        topics: [...field.topics],
        labels: labelsFor(rng, kind),
        ...inventContact(rng, stateCode),
        createdAt: new Date(organisationsCreated + drafts.length * 7 * hour),
        updatedAt: new Date(organisationsCreated + drafts.length * 7 * hour),
      });
    }
  }
  return drafts;
}

function inventContact(rng: Rng, stateCode: string): Pick<OrgDraft, "contactName" | "contactEmail" | "contactPhone"> {
  const person = inventPerson(rng, stateCode);
  return { contactName: person.name, contactEmail: person.email, contactPhone: person.phone };
}
