import { berlinTime } from "../../../events/event-dates.ts";
import type { edition } from "../../schema/index.ts";

export type EditionDraft = Omit<typeof edition.$inferInsert, "id" | "openingEventId" | "closingEventId">;

const inventedFooterDe =
  "*Hinweis: Dies ist eine Demo-Installation. Alle Personen, Organisationen und Veranstaltungen sind erfunden; Ähnlichkeiten mit realen Personen und Einrichtungen sind zufällig.*";
const inventedFooterEn =
  "*Note: this is a demo installation. All people, organisations and events are invented; any resemblance to real people or institutions is coincidental.*";

export const edition2019: EditionDraft = {
  year: 2019,
  titleDe: "Clusterwoche Deutschland 2019",
  titleEn: "Cluster Week Germany 2019",
  mottoDe: "Innovation verbindet – Cluster zeigen, was sie können",
  mottoEn: "Innovation connects – clusters show what they can do",
  hashtag: "#Clusterwoche2019",
  startsOn: "2019-04-02",
  endsOn: "2019-04-11",
  submissionOpensAt: berlinTime("2018-12-01", "00:00"),
  submissionClosesAt: berlinTime("2019-03-15", "23:59"),
  status: "archived",
  moderation: "one_tier",
  greetingDe: `Zehn Tage, sechzehn Länder, rund zweihundert Veranstaltungen: Die Clusterwoche Deutschland 2019 zeigt, wie viel Innovationskraft in unseren Clustern steckt. Unternehmen, Hochschulen und Forschungseinrichtungen öffnen ihre Türen, laden zu Fachtagungen und Werkstätten ein und zeigen auf der Hannover Messe, was gemeinsam möglich ist.

Cluster sind Orte der Zusammenarbeit. Hier finden kleine und mittlere Unternehmen Partner für neue Produkte, hier treffen Studierende auf ihre künftigen Arbeitgeber, hier entstehen Verbindungen über Landes- und Staatsgrenzen hinweg – in diesem Jahr mit Partnern aus Schweden, Israel, Kanada, Portugal, den Niederlanden, Frankreich und dem Vereinigten Königreich.

Wir danken allen Clusterinitiativen, die das Programm gestalten, und laden Sie herzlich ein: Entdecken Sie die Cluster in Ihrer Nähe!

**Dr. Annette Wallner**, Bundesministerin für Wirtschaft und Energie
**Prof. Dr. Martin Hollerbach**, Minister für Wirtschaft und Innovation des Landes Niedersachsen

${inventedFooterDe}`,
  greetingEn: `Ten days, sixteen states, some two hundred events: Cluster Week Germany 2019 shows how much innovative strength there is in our clusters. Companies, universities and research institutes open their doors, host conferences and workshops, and show at Hannover Messe what they achieve together.

Clusters are places of cooperation. This is where small and medium-sized companies find partners for new products, where students meet their future employers, and where connections grow across state and national borders – this year with partners from Sweden, Israel, Canada, Portugal, the Netherlands, France and the United Kingdom.

We thank all cluster initiatives that shape the programme and warmly invite you: discover the clusters near you!

**Dr Annette Wallner**, Federal Minister for Economic Affairs and Energy
**Prof. Dr Martin Hollerbach**, Minister for Economic Affairs and Innovation of Lower Saxony

${inventedFooterEn}`,
  patrons: [
    {
      name: "Dr. Annette Wallner",
      roleDe: "Bundesministerin für Wirtschaft und Energie",
      roleEn: "Federal Minister for Economic Affairs and Energy",
    },
    {
      name: "Prof. Dr. Martin Hollerbach",
      roleDe: "Minister für Wirtschaft und Innovation des Landes Niedersachsen",
      roleEn: "Minister for Economic Affairs and Innovation of Lower Saxony",
    },
  ],
  contacts: [
    {
      name: "Julia Brandt",
      organisation: "Geschäftsstelle Clusterwoche (Demo)",
      phone: "+49 30 23125-401",
      fax: "+49 30 23125-409",
      email: "julia.brandt@clusterwoche.example",
    },
    {
      name: "Stefan Lorenz",
      organisation: "go-cluster Geschäftsstelle (Demo), Presse",
      phone: "+49 30 23125-420",
      fax: "+49 30 23125-429",
      email: "presse@clusterwoche.example",
    },
  ],
  createdAt: berlinTime("2018-10-01", "09:00"),
  updatedAt: berlinTime("2019-03-29", "12:00"),
};

export const edition2017: EditionDraft = {
  year: 2017,
  titleDe: "Clusterwoche Deutschland 2017",
  titleEn: "Cluster Week Germany 2017",
  mottoDe: "Cluster – Motoren der Innovation",
  mottoEn: "Clusters – engines of innovation",
  hashtag: "#Clusterwoche2017",
  startsOn: "2017-04-20",
  endsOn: "2017-04-28",
  submissionOpensAt: berlinTime("2016-12-01", "00:00"),
  submissionClosesAt: berlinTime("2017-03-31", "23:59"),
  status: "archived",
  moderation: "one_tier",
  greetingDe: `Neun Tage lang zeigen Clusterinitiativen aus fünfzehn Ländern, wie Innovation in Deutschland entsteht: in Netzwerken aus Unternehmen, Wissenschaft und Verwaltung. Höhepunkt ist der Auftritt zahlreicher Cluster auf der Hannover Messe.

Wir laden Sie ein, die Vielfalt der Cluster kennenzulernen.

**Dr. Hendrik Sauer**, Bundesminister für Wirtschaft und Energie

${inventedFooterDe}`,
  greetingEn: `For nine days, cluster initiatives from fifteen states show how innovation happens in Germany: in networks of companies, science and administration. The highlight is the presence of many clusters at Hannover Messe.

We invite you to discover the diversity of the clusters.

**Dr Hendrik Sauer**, Federal Minister for Economic Affairs and Energy

${inventedFooterEn}`,
  patrons: [
    {
      name: "Dr. Hendrik Sauer",
      roleDe: "Bundesminister für Wirtschaft und Energie",
      roleEn: "Federal Minister for Economic Affairs and Energy",
    },
  ],
  contacts: [
    {
      name: "Julia Brandt",
      organisation: "Geschäftsstelle Clusterwoche (Demo)",
      phone: "+49 30 23125-401",
      fax: "+49 30 23125-409",
      email: "julia.brandt@clusterwoche.example",
    },
  ],
  createdAt: berlinTime("2016-10-04", "09:00"),
  updatedAt: berlinTime("2017-06-30", "12:00"),
};
