import type { Rng } from "./random.ts";

const transliterations: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", é: "e", è: "e", á: "a", ó: "o" };

/** ASCII kebab-case with German transliteration, cut at a word boundary near maxLength. */
export function slugify(text: string, maxLength = 60): string {
  const ascii = text
    .toLowerCase()
    .replace(/[äöüßéèáó]/g, (c) => transliterations[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 20 ? cut.slice(0, lastDash) : ascii.slice(0, maxLength)).replace(/-+$/, "");
}

/** A calendar day (YYYY-MM-DD) shifted by whole days; pure date arithmetic, independent of time zones. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every day from first to last, both inclusive. */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

const firstNames = [
  "Anna",
  "Lena",
  "Julia",
  "Sarah",
  "Katrin",
  "Miriam",
  "Sabine",
  "Claudia",
  "Petra",
  "Nadine",
  "Jana",
  "Svenja",
  "Laura",
  "Eva",
  "Theresa",
  "Franziska",
  "Thomas",
  "Michael",
  "Andreas",
  "Stefan",
  "Markus",
  "Jan",
  "Tobias",
  "Daniel",
  "Christian",
  "Florian",
  "Matthias",
  "Sebastian",
  "Jörg",
  "Uwe",
  "Felix",
  "Benedikt",
] as const;
const lastNames = [
  "Albrecht",
  "Bauer",
  "Becker",
  "Brandt",
  "Dietrich",
  "Engel",
  "Fischer",
  "Frank",
  "Graf",
  "Hahn",
  "Hartmann",
  "Herrmann",
  "Huber",
  "Jung",
  "Kaiser",
  "Keller",
  "Klein",
  "Koch",
  "Krause",
  "Kuhn",
  "Lange",
  "Lehmann",
  "Lorenz",
  "Maier",
  "Meyer",
  "Möller",
  "Neumann",
  "Otto",
  "Peters",
  "Pohl",
  "Richter",
  "Roth",
  "Sauer",
  "Schäfer",
  "Scholz",
  "Schulte",
  "Seidel",
  "Sommer",
  "Vogel",
  "Wagner",
  "Weber",
  "Winter",
  "Wolf",
  "Ziegler",
] as const;

export type Person = { name: string; email: string; phone: string };

/**
 * Phone numbers come from the ranges the Bundesnetzagentur keeps free for fiction, so no demo
 * number can ring a real line.
 */
const fictionPhoneRanges: Record<string, string> = {
  BE: "+49 30 23125",
  BB: "+49 30 23125",
  MV: "+49 30 23125",
  ST: "+49 30 23125",
  SN: "+49 30 23125",
  TH: "+49 30 23125",
  HE: "+49 69 90009",
  RP: "+49 69 90009",
  SL: "+49 69 90009",
  HH: "+49 40 66969",
  SH: "+49 40 66969",
  HB: "+49 40 66969",
  NI: "+49 40 66969",
  NW: "+49 221 4710",
  BW: "+49 89 99998",
  BY: "+49 89 99998",
};

export function fictionPhone(rng: Rng, stateCode: string): string {
  const prefix = fictionPhoneRanges[stateCode] ?? "+49 30 23125";
  return `${prefix}-${String(rng.int(100, 999))}`;
}

/** An invented contact person with an e-mail address at a reserved example domain. */
export function inventPerson(rng: Rng, stateCode: string): Person {
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  const title = rng.chance(0.2) ? "Dr. " : "";
  const domain = rng.pick(["example.org", "example.com"]);
  return {
    name: `${title}${first} ${last}`,
    email: `${slugify(first)}.${slugify(last)}@${domain}`,
    phone: fictionPhone(rng, stateCode),
  };
}

const companySuffixes = [
  "Präzisionstechnik GmbH",
  "Kunststofftechnik GmbH & Co. KG",
  "Lasersysteme GmbH",
  "Sensorik AG",
  "Antriebstechnik GmbH",
  "Medizinprodukte GmbH",
  "Software GmbH",
  "Verbundwerkstoffe GmbH",
  "Automation GmbH",
  "Agrartechnik GmbH",
  "Energiesysteme GmbH",
  "Messtechnik GmbH",
] as const;

/** An invented company name such as "Seidel Lasersysteme GmbH". */
export function inventCompany(rng: Rng): string {
  return `${rng.pick(lastNames)} ${rng.pick(companySuffixes)}`;
}
