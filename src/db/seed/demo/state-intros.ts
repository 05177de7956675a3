import type { StateCode } from "../reference-data.ts";

type Intro = { introDe: string; introEn: string };

/** What each Land's (invented) coordinator wrote for the 2019 state page. */
const strengths: Record<StateCode, [de: string, en: string]> = {
  BW: [
    "Fahrzeugbau, Maschinenbau, Kunststofftechnik und Medizintechnik",
    "automotive, mechanical engineering, plastics and medical technology",
  ],
  BY: ["Luft- und Raumfahrt, Automobil, Biotechnologie und Digitalisierung", "aerospace, automotive, biotechnology and digitalisation"],
  BE: ["Gesundheitswirtschaft, Photonik, Digitales und Kreativwirtschaft", "healthcare, photonics, digital and creative industries"],
  BB: ["Energietechnik, Logistik und Ernährungswirtschaft", "energy technology, logistics and food"],
  HB: ["Luft- und Raumfahrt sowie maritime Wirtschaft", "aerospace and the maritime industry"],
  HH: ["Luftfahrt, Hafen und Logistik sowie Life Sciences", "aviation, port and logistics, and life sciences"],
  HE: ["Chemie, Gesundheit, Mobilität und Informationstechnik", "chemistry, health, mobility and information technology"],
  MV: ["Gesundheitswirtschaft, maritime Technik und Ernährung", "healthcare, maritime technology and food"],
  NI: ["Automobil, Energie, Agrar- und Ernährungswirtschaft", "automotive, energy, agriculture and food"],
  NW: ["Chemie, Energie, Logistik und Produktionstechnik", "chemistry, energy, logistics and production technology"],
  RP: ["Chemie, Software und Nutzfahrzeuge", "chemistry, software and commercial vehicles"],
  SL: ["Automobilzulieferer und Informatik", "automotive suppliers and computer science"],
  SN: ["Mikroelektronik, Automobil und Leichtbau", "microelectronics, automotive and lightweight engineering"],
  ST: ["Chemie, Kunststoffe und Ernährungswirtschaft", "chemistry, plastics and food"],
  SH: ["maritime Wirtschaft, Windenergie und Medizintechnik", "the maritime industry, wind energy and medical technology"],
  TH: ["Optik und Photonik, Mikroelektronik und Medizintechnik", "optics and photonics, microelectronics and medical technology"],
};

export function stateIntros(states: readonly (readonly [StateCode, string, string])[]): (Intro & { stateCode: StateCode })[] {
  return states.map(([code, nameDe, nameEn]) => {
    const [de, en] = strengths[code];
    return {
      stateCode: code,
      introDe: `Die Cluster in ${nameDe} stehen für ${de}. Während der Clusterwoche 2019 laden sie zu Fachtagungen, Werkstätten, Unternehmensbesuchen und offenen Laboren ein – vom Frühstückstreffen bis zum Abendvortrag.\n\nDieser Einführungstext ist ein erfundener Beispieltext der Demo-Installation.`,
      introEn: `The clusters in ${nameEn} stand for ${en}. During Cluster Week 2019 they host conferences, workshops, company visits and open labs – from breakfast meetings to evening talks.\n\nThis introduction is an invented sample text of the demo installation.`,
    };
  });
}
