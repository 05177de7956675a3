import type { StateCode } from "../reference-data.ts";
import type { TopicCode } from "./themes.ts";

/** A technology field an organisation names itself after. */
export type Field = {
  de: string;
  en: string;
  /** For short names: "Produktion Westfalen". */
  short: string;
  /** First half of a German compound: "Produktions-Initiative". */
  compound: string;
  topics: TopicCode[];
};

const field = (de: string, en: string, short: string, compound: string, topics: TopicCode[]): Field => ({
  de,
  en,
  short,
  compound,
  topics,
});

export const fields = {
  leichtbau: field("Leichtbau", "lightweight engineering", "Leichtbau", "Leichtbau", ["materials", "automotive"]),
  kunststoff: field("Kunststoff", "plastics", "Kunststoff", "Kunststoff", ["materials", "chemistry"]),
  medizin: field("Medizintechnik", "medical technology", "Medizintechnik", "Medizintechnik", ["health"]),
  photonik: field("Photonik", "photonics", "Photonik", "Photonik", ["photonics", "microelectronics"]),
  auto: field("Automotive", "automotive", "Automotive", "Automotive", ["automotive", "production"]),
  mikro: field("Mikroelektronik", "microelectronics", "Mikroelektronik", "Mikroelektronik", ["microelectronics", "ict"]),
  luftfahrt: field("Luft- und Raumfahrt", "aerospace", "Luftfahrt", "Luftfahrt", ["aerospace", "materials"]),
  maritim: field("Maritime Wirtschaft", "maritime industry", "Maritim", "Meerestechnik", ["maritime", "logistics"]),
  biotech: field("Biotechnologie", "biotechnology", "BioTech", "BioTech", ["biotech", "health"]),
  energie: field("Energietechnik", "energy technology", "Energie", "Energie", ["energy"]),
  wasserstoff: field("Wasserstoff", "hydrogen", "Wasserstoff", "Wasserstoff", ["energy", "automotive"]),
  software: field("Software und IT", "software and IT", "Software", "Software", ["ict"]),
  logistik: field("Logistik", "logistics", "Logistik", "Logistik", ["logistics"]),
  food: field("Ernährungswirtschaft", "food industry", "Food", "Food", ["food", "biotech"]),
  chemie: field("Chemie", "chemistry", "Chemie", "Chemie", ["chemistry", "materials"]),
  kreativ: field("Kreativwirtschaft", "creative industries", "Kreativ", "Kreativ", ["creative", "ict"]),
  produktion: field("Produktionstechnik", "production technology", "Produktion", "Produktions", ["production", "ict"]),
} satisfies Record<string, Field>;
export type FieldKey = keyof typeof fields;

export type Profile = { count: number; regions: [region: string, city: string][]; fields: FieldKey[] };

/** How many demo organisations each Land has, its regions (with a city there) and its strong fields. */
export const profiles: Record<StateCode, Profile> = {
  BW: {
    count: 22,
    regions: [
      ["Südwest", "Stuttgart"],
      ["Region Stuttgart", "Stuttgart"],
      ["Neckar-Alb", "Reutlingen"],
      ["Oberrhein", "Freiburg im Breisgau"],
      ["Bodensee", "Friedrichshafen"],
      ["Nordschwarzwald", "Pforzheim"],
      ["Rhein-Neckar", "Mannheim"],
      ["Ostwürttemberg", "Aalen"],
      ["Heilbronn-Franken", "Heilbronn"],
      ["Donau-Iller", "Ulm"],
      ["Mittlerer Oberrhein", "Karlsruhe"],
      ["Württemberg", "Tübingen"],
    ],
    fields: [
      "kunststoff",
      "leichtbau",
      "auto",
      "medizin",
      "photonik",
      "produktion",
      "software",
      "wasserstoff",
      "biotech",
      "mikro",
      "kreativ",
    ],
  },
  BY: {
    count: 14,
    regions: [
      ["Bayern", "München"],
      ["Oberbayern", "Ingolstadt"],
      ["Franken", "Nürnberg"],
      ["Mittelfranken", "Erlangen"],
      ["Ostbayern", "Regensburg"],
      ["Schwaben", "Augsburg"],
      ["Mainfranken", "Würzburg"],
      ["München", "München"],
    ],
    fields: ["luftfahrt", "auto", "software", "biotech", "medizin", "energie", "kunststoff", "produktion"],
  },
  NW: {
    count: 12,
    regions: [
      ["NRW", "Düsseldorf"],
      ["Ruhr", "Dortmund"],
      ["Rheinland", "Köln"],
      ["Westfalen", "Münster"],
      ["Ostwestfalen-Lippe", "Bielefeld"],
      ["Aachen", "Aachen"],
      ["Niederrhein", "Duisburg"],
      ["Metropole Ruhr", "Essen"],
      ["Paderborner Land", "Paderborn"],
    ],
    fields: ["chemie", "logistik", "energie", "produktion", "kunststoff", "software", "medizin", "wasserstoff"],
  },
  NI: {
    count: 10,
    regions: [
      ["Niedersachsen", "Hannover"],
      ["Region Hannover", "Hannover"],
      ["Braunschweig", "Braunschweig"],
      ["Weser-Ems", "Oldenburg"],
      ["Osnabrücker Land", "Osnabrück"],
      ["Südniedersachsen", "Göttingen"],
      ["Wolfsburg", "Wolfsburg"],
    ],
    fields: ["auto", "energie", "food", "luftfahrt", "produktion", "maritim"],
  },
  SN: {
    count: 8,
    regions: [
      ["Sachsen", "Dresden"],
      ["Leipzig", "Leipzig"],
      ["Chemnitz", "Chemnitz"],
      ["Erzgebirge", "Freiberg"],
      ["Südwestsachsen", "Zwickau"],
      ["Elbtal", "Dresden"],
    ],
    fields: ["mikro", "auto", "leichtbau", "energie", "biotech"],
  },
  HE: {
    count: 7,
    regions: [
      ["Hessen", "Wiesbaden"],
      ["Rhein-Main", "Frankfurt am Main"],
      ["Nordhessen", "Kassel"],
      ["Mittelhessen", "Gießen"],
      ["Südhessen", "Darmstadt"],
    ],
    fields: ["chemie", "medizin", "software", "logistik", "energie"],
  },
  BE: {
    count: 6,
    regions: [
      ["Berlin", "Berlin"],
      ["Hauptstadtregion", "Berlin"],
      ["Spree", "Berlin"],
    ],
    fields: ["medizin", "software", "photonik", "kreativ", "energie"],
  },
  BB: {
    count: 4,
    regions: [
      ["Brandenburg", "Potsdam"],
      ["Lausitz", "Cottbus"],
      ["Oderland", "Frankfurt (Oder)"],
      ["Dahme-Spreewald", "Wildau"],
    ],
    fields: ["energie", "logistik", "food", "wasserstoff"],
  },
  HB: {
    count: 2,
    regions: [
      ["Bremen", "Bremen"],
      ["Unterweser", "Bremerhaven"],
    ],
    fields: ["luftfahrt", "maritim"],
  },
  HH: {
    count: 3,
    regions: [
      ["Hamburg", "Hamburg"],
      ["Metropolregion Hamburg", "Hamburg"],
      ["Elbe", "Hamburg"],
    ],
    fields: ["luftfahrt", "maritim", "logistik"],
  },
  MV: {
    count: 3,
    regions: [
      ["Mecklenburg-Vorpommern", "Schwerin"],
      ["Ostsee", "Rostock"],
      ["Vorpommern", "Greifswald"],
    ],
    fields: ["medizin", "maritim", "food"],
  },
  RP: {
    count: 5,
    regions: [
      ["Rheinland-Pfalz", "Mainz"],
      ["Pfalz", "Ludwigshafen am Rhein"],
      ["Westpfalz", "Kaiserslautern"],
      ["Mittelrhein", "Koblenz"],
      ["Trier", "Trier"],
    ],
    fields: ["chemie", "software", "kunststoff", "auto"],
  },
  SL: {
    count: 2,
    regions: [
      ["Saar", "Saarbrücken"],
      ["Saarland", "Homburg"],
    ],
    fields: ["auto", "software"],
  },
  ST: {
    count: 4,
    regions: [
      ["Sachsen-Anhalt", "Magdeburg"],
      ["Mitteldeutschland", "Halle (Saale)"],
      ["Anhalt", "Dessau-Roßlau"],
      ["Magdeburger Börde", "Magdeburg"],
    ],
    fields: ["chemie", "food", "energie", "kunststoff"],
  },
  SH: {
    count: 4,
    regions: [
      ["Schleswig-Holstein", "Kiel"],
      ["Kieler Förde", "Kiel"],
      ["Lübecker Bucht", "Lübeck"],
      ["Nord", "Flensburg"],
    ],
    fields: ["maritim", "energie", "medizin", "food"],
  },
  TH: {
    count: 5,
    regions: [
      ["Thüringen", "Erfurt"],
      ["Jena", "Jena"],
      ["Ostthüringen", "Jena"],
      ["Südthüringen", "Ilmenau"],
      ["Mittelthüringen", "Weimar"],
    ],
    fields: ["photonik", "mikro", "medizin", "auto"],
  },
};
