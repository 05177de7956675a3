import type { Same } from "../lib/i18n/same.ts";

/** German texts of this feature (namespace `map` in de.ts). */
export const mapDe = {
  title: "Karte",
  pageTitle: "Programm auf der Karte",
  mapHeading: "Karte der Länder und Orte",
  svgTitle: "Karte Deutschlands: Veranstaltungen je Land und Veranstaltungsorte",
  svgDesc:
    "Jedes Land ist ein Link zum Programm dieses Landes, jeder Punkt ein Link zu den Veranstaltungen an diesem Ort. Dieselben Angaben stehen unter der Karte als Tabelle und Liste.",
  count_zero: "{{name}}: keine Veranstaltungen",
  count_one: "{{name}}: {{count}} Veranstaltung",
  count_other: "{{name}}: {{count}} Veranstaltungen",
  selected: "{{label}} (ausgewählt)",
  skipMap: "Karte überspringen",
  legend:
    "Je dunkler ein Land, desto mehr Veranstaltungen. Die Zahl im Land nennt sie; die Punkte sind Veranstaltungsorte, größer bei mehr Veranstaltungen.",
  stateCountsNote: "Die Zahl je Land gilt für dieses Land mit allen übrigen gewählten Filtern.",
  notOnMap: "Nicht auf der Karte",
  byState: "Veranstaltungen nach Ländern",
  state: "Land",
  events: "Veranstaltungen",
  places: "Orte",
  placesIntro: "Orte der passenden Veranstaltungen vor Ort und hybrid; reine Online-Veranstaltungen haben keinen Ort.",
  noPlaces: "Keine Veranstaltung mit Veranstaltungsort passt zu diesen Filtern.",
  placesTruncated: "Die Liste zeigt die {{max}} Orte mit den meisten Veranstaltungen.",
  moreEvents_one: "und {{count}} weitere Veranstaltung",
  moreEvents_other: "und {{count}} weitere Veranstaltungen",
  onMap: "Auf der Karte zeigen",
  tileMap: "Kachelkarte",
  tileMapNote: "Diese Karte lädt Kartenbilder vom Kartendienst {{host}}.",
} as const;

/** English texts of this feature: the same keys, enforced by the type. */
export const mapEn: Same<typeof mapDe> = {
  title: "Map",
  pageTitle: "Programme map",
  mapHeading: "Map of states and places",
  svgTitle: "Map of Germany: events per state and event places",
  svgDesc:
    "Each state is a link to that state's programme, each dot a link to the events at that place. The same information follows the map as a table and a list.",
  count_zero: "{{name}}: no events",
  count_one: "{{name}}: {{count}} event",
  count_other: "{{name}}: {{count}} events",
  selected: "{{label}} (selected)",
  skipMap: "Skip the map",
  legend: "The darker a state, the more events it has; the number in it says how many. Dots are event places, larger with more events.",
  stateCountsNote: "The number per state applies to that state with all other chosen filters.",
  notOnMap: "Not on the map",
  byState: "Events by state",
  state: "State",
  events: "Events",
  places: "Places",
  placesIntro: "Places of the matching on-site and hybrid events; events held only online have no place.",
  noPlaces: "No event with a venue matches these filters.",
  placesTruncated: "The list shows the {{max}} places with the most events.",
  moreEvents_one: "and {{count}} more event",
  moreEvents_other: "and {{count}} more events",
  onMap: "Show on the map",
  tileMap: "Tile map",
  tileMapNote: "This map loads map images from the map service {{host}}.",
};
