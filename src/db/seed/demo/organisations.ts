import type { organisation } from "../../schema/index.ts";
import type { StateCode } from "../reference-data.ts";
import { type Field, type FieldKey, fields, type Profile, profiles } from "./org-profiles.ts";
import { createRng, type Rng } from "./random.ts";
import { inventCompany, inventPerson, slugify } from "./text.ts";

export type OrgDraft = Omit<typeof organisation.$inferInsert, "id"> & {
  /** The region the organisation names itself after; not a column. */
  region?: string;
  slug: string;
  name: string;
  stateCode: StateCode;
  city: string;
  topics: string[];
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

const inventedDe =
  "Diese Organisation ist für die Demo-Daten der Clusterwoche erfunden; Ähnlichkeiten mit realen Einrichtungen sind zufällig.";
const inventedEn = "This organisation is invented for the Clusterwoche demo data; any resemblance to real institutions is coincidental.";

function describe(name: string, field: Field, region: string): { descriptionDe: string; descriptionEn: string } {
  return {
    descriptionDe:
      `${name} bringt Unternehmen, Hochschulen und Forschungseinrichtungen der Region ${region} im Bereich ${field.de} ` +
      `zusammen: mit Arbeitskreisen, gemeinsamen Projekten und Veranstaltungen.\n\n${inventedDe}`,
    descriptionEn:
      `${name} brings together companies, universities and research institutes in ${field.en} in the ${region} region: ` +
      `through working groups, joint projects and events.\n\n${inventedEn}`,
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
    descriptionDe: `Die Geschäftsstelle begleitet die Clusterinitiativen und richtet die Jahreskonferenz aus.\n\n${inventedDe}`,
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
      const regionIndex = ((i % fieldCount) + Math.floor(i / fieldCount)) % profile.regions.length;
      const [region, city] = profile.regions[regionIndex] ?? [stateCode, stateCode];
      const kind = kindAt(i, profile.count);
      let name = nameFor(rng, kind, field, region, city);
      for (let tries = 1; slugs.has(slugify(name)); tries++) {
        const another = nameFor(rng, kind, field, region, city);
        name = tries < 5 ? another : `${another} ${tries}`;
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
