import type { venue } from "../../schema/index.ts";
import type { StateCode } from "../reference-data.ts";
import type { Rng } from "./random.ts";

/** A real city with its approximate centre and the range of its postal codes. */
export type City = { name: string; state: StateCode; lat: number; lon: number; plz: [number, number] };

type CityRow = [name: string, lat: number, lon: number, plzFrom: number, plzTo: number];

const citiesByState: Record<StateCode, CityRow[]> = {
  BW: [
    ["Stuttgart", 48.7758, 9.1829, 70173, 70619],
    ["Karlsruhe", 49.0069, 8.4037, 76131, 76229],
    ["Mannheim", 49.4875, 8.466, 68159, 68309],
    ["Freiburg im Breisgau", 47.999, 7.8421, 79098, 79117],
    ["Ulm", 48.4011, 9.9876, 89073, 89081],
    ["Heilbronn", 49.1427, 9.2109, 74072, 74081],
    ["Reutlingen", 48.4914, 9.2043, 72760, 72770],
    ["Friedrichshafen", 47.65, 9.48, 88045, 88048],
    ["Pforzheim", 48.8922, 8.6946, 75172, 75181],
    ["Tübingen", 48.5216, 9.0576, 72070, 72076],
    ["Aalen", 48.8378, 10.0933, 73430, 73434],
  ],
  BY: [
    ["München", 48.1351, 11.582, 80331, 81929],
    ["Nürnberg", 49.4521, 11.0767, 90402, 90491],
    ["Augsburg", 48.3705, 10.8978, 86150, 86199],
    ["Regensburg", 49.0134, 12.1016, 93047, 93059],
    ["Würzburg", 49.7913, 9.9534, 97070, 97084],
    ["Erlangen", 49.5897, 11.012, 91052, 91058],
    ["Ingolstadt", 48.7665, 11.4258, 85049, 85057],
  ],
  BE: [["Berlin", 52.52, 13.405, 10115, 14199]],
  BB: [
    ["Potsdam", 52.3906, 13.0645, 14467, 14482],
    ["Cottbus", 51.7563, 14.3329, 3042, 3055],
    ["Frankfurt (Oder)", 52.3471, 14.5506, 15230, 15236],
    ["Wildau", 52.319, 13.633, 15745, 15745],
  ],
  HB: [
    ["Bremen", 53.0793, 8.8017, 28195, 28779],
    ["Bremerhaven", 53.5396, 8.5809, 27568, 27580],
  ],
  HH: [["Hamburg", 53.5511, 9.9937, 20095, 22769]],
  HE: [
    ["Frankfurt am Main", 50.1109, 8.6821, 60306, 60599],
    ["Darmstadt", 49.8728, 8.6512, 64283, 64297],
    ["Kassel", 51.3127, 9.4797, 34117, 34134],
    ["Wiesbaden", 50.0782, 8.2398, 65183, 65207],
    ["Gießen", 50.5841, 8.6784, 35390, 35398],
  ],
  MV: [
    ["Rostock", 54.0924, 12.0991, 18055, 18147],
    ["Greifswald", 54.0865, 13.3923, 17489, 17493],
    ["Schwerin", 53.6355, 11.4012, 19053, 19063],
  ],
  NI: [
    ["Hannover", 52.3759, 9.732, 30159, 30669],
    ["Braunschweig", 52.2689, 10.5268, 38100, 38126],
    ["Osnabrück", 52.2799, 8.0472, 49074, 49090],
    ["Oldenburg", 53.1435, 8.2146, 26121, 26135],
    ["Göttingen", 51.5413, 9.9158, 37073, 37085],
    ["Wolfsburg", 52.4227, 10.7865, 38440, 38448],
  ],
  NW: [
    ["Köln", 50.9375, 6.9603, 50667, 51149],
    ["Düsseldorf", 51.2277, 6.7735, 40210, 40629],
    ["Dortmund", 51.5136, 7.4653, 44135, 44388],
    ["Aachen", 50.7753, 6.0839, 52062, 52080],
    ["Münster", 51.9607, 7.6261, 48143, 48167],
    ["Bielefeld", 52.0302, 8.5325, 33602, 33739],
    ["Duisburg", 51.4344, 6.7623, 47051, 47279],
    ["Essen", 51.4556, 7.0116, 45127, 45359],
    ["Paderborn", 51.7189, 8.7575, 33098, 33106],
  ],
  RP: [
    ["Mainz", 49.9929, 8.2473, 55116, 55131],
    ["Kaiserslautern", 49.4447, 7.769, 67655, 67663],
    ["Koblenz", 50.3569, 7.589, 56068, 56077],
    ["Ludwigshafen am Rhein", 49.4774, 8.4452, 67059, 67071],
    ["Trier", 49.7499, 6.6371, 54290, 54296],
  ],
  SL: [
    ["Saarbrücken", 49.2402, 6.9969, 66111, 66133],
    ["Homburg", 49.3268, 7.3386, 66424, 66424],
  ],
  SN: [
    ["Dresden", 51.0504, 13.7373, 1067, 1328],
    ["Leipzig", 51.3397, 12.3731, 4103, 4357],
    ["Chemnitz", 50.8278, 12.9214, 9111, 9247],
    ["Freiberg", 50.9119, 13.3428, 9599, 9599],
    ["Zwickau", 50.7189, 12.4961, 8056, 8066],
  ],
  ST: [
    ["Magdeburg", 52.1205, 11.6276, 39104, 39130],
    ["Halle (Saale)", 51.4825, 11.9706, 6108, 6132],
    ["Dessau-Roßlau", 51.8425, 12.2467, 6842, 6849],
  ],
  SH: [
    ["Kiel", 54.3233, 10.1228, 24103, 24159],
    ["Lübeck", 53.8655, 10.6866, 23552, 23570],
    ["Flensburg", 54.7937, 9.4469, 24937, 24944],
  ],
  TH: [
    ["Erfurt", 50.9848, 11.0299, 99084, 99099],
    ["Jena", 50.9271, 11.5892, 7743, 7751],
    ["Ilmenau", 50.6839, 10.9194, 98693, 98693],
    ["Weimar", 50.9795, 11.3235, 99423, 99428],
  ],
};

export function citiesOf(state: StateCode): City[] {
  return citiesByState[state].map(([name, lat, lon, from, to]) => ({ name, state, lat, lon, plz: [from, to] }));
}

export function cityNamed(state: StateCode, name: string): City {
  const city = citiesOf(state).find((c) => c.name === name);
  if (!city) throw new Error(`unknown demo city ${name} in ${state}`);
  return city;
}

export type VenueDraft = Omit<typeof venue.$inferInsert, "id"> & {
  /** Drafts with the same key become one venue row (e.g. the fairground). */
  key?: string;
};

export const messeHannover: VenueDraft = {
  key: "messe-hannover",
  name: "Messegelände Hannover",
  street: "Messegelände",
  postalCode: "30521",
  city: "Hannover",
  stateCode: "NI",
  country: "DE",
  latitude: 52.3213,
  longitude: 9.809,
};

/** Venues abroad for the "international" events. */
export const abroad = {
  stockholm: {
    name: "Deutsch-Schwedisches Innovationshaus",
    street: "Kungsgatan 12",
    postalCode: "111 43",
    city: "Stockholm",
    stateCode: null,
    country: "SE",
    latitude: 59.336,
    longitude: 18.064,
  },
  wien: {
    name: "Innovationszentrum am Donaukanal",
    street: "Obere Donaustraße 19",
    postalCode: "1020",
    city: "Wien",
    stateCode: null,
    country: "AT",
    latitude: 48.217,
    longitude: 16.372,
  },
} satisfies Record<string, VenueDraft>;

const streets = [
  "Hauptstraße",
  "Bahnhofstraße",
  "Industriestraße",
  "Am Technologiepark",
  "Wissenschaftspark",
  "Marktplatz",
  "Schillerstraße",
  "Goethestraße",
  "Gutenbergstraße",
  "Max-Planck-Straße",
  "Fraunhoferstraße",
  "Innovationsallee",
  "Im Gewerbepark",
  "Hafenstraße",
  "Universitätsstraße",
  "Kantstraße",
  "Lindenallee",
  "Werkstraße",
] as const;

const venueKinds = [
  "Technologiezentrum",
  "IHK-Bildungszentrum",
  "Innovationscampus",
  "Gründerzentrum",
  "Tagungszentrum",
  "Haus der Wirtschaft",
  "Forum am Markt",
  "Zukunftswerkstatt",
] as const;

/** A plausible venue in the city: a real postal code range, coordinates jittered by a few hundred metres. */
export function inventVenue(rng: Rng, city: City, name?: string): VenueDraft {
  const postal = rng.int(city.plz[0], city.plz[1]);
  return {
    name: name ?? `${rng.pick(venueKinds)} ${city.name}`,
    street: `${rng.pick(streets)} ${rng.int(1, 120)}`,
    postalCode: String(postal).padStart(5, "0"),
    city: city.name,
    stateCode: city.state,
    country: "DE",
    latitude: round6(city.lat + (rng.next() - 0.5) * 0.008),
    longitude: round6(city.lon + (rng.next() - 0.5) * 0.012),
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
