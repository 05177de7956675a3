import { composeEvent } from "./compose-event.ts";
import type { OrgDraft } from "./organisations.ts";
import { messeHannover } from "./places.ts";
import type { PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";
import { sessionAt } from "./sessions.ts";
import { inventCompany } from "./text.ts";
import { themesFor } from "./themes.ts";

export type BoothPlan = {
  year: number;
  count: number;
  /** The days the fair is open. */
  fairDays: string[];
  /** First and last day of the edition: booth events only list the fair days inside the week. */
  editionStart: string;
  editionEnd: string;
};

const halls = ["Halle 2", "Halle 2", "Halle 2", "Halle 6", "Halle 16", "Halle 27", "Halle 5", "Halle 9", "Halle 17"];

/** A booth code like "C28"; every fifth stand is shared, with sub-booths like "A12/1". */
function boothCodes(rng: Rng, count: number): string[] {
  const codes: string[] = [];
  while (codes.length < count) {
    const base = `${rng.pick(["A", "B", "C", "D", "E", "F"])}${rng.int(1, 60)}`;
    if (codes.some((c) => c === base || c.startsWith(`${base}/`))) continue;
    if (codes.length % 5 === 4) codes.push(`${base}/1`, `${base}/2`);
    else codes.push(base);
  }
  return codes.slice(0, count);
}

/** Booths at Hannover Messe, each also listed as an event of format "trade_fair_booth". */
export function planBooths(rng: Rng, orgs: OrgDraft[], plan: BoothPlan): PlannedEvent[] {
  const exhibitors = rng
    .shuffle(orgs.filter((o) => o.kind === "cluster_initiative" || o.kind === "network" || o.kind === "research_institution"))
    .slice(0, plan.count);
  const codes = boothCodes(rng, plan.count);
  let hall = rng.pick(halls);
  return exhibitors.map((org, i) => {
    const booth = codes[i] ?? `A${i + 1}`;
    if (!booth.endsWith("/2")) hall = rng.pick(halls);
    const theme = rng.pick(themesFor(org.topics));
    const host = org.shortName ?? org.name;
    const start = rng.chance(0.8) ? 0 : rng.int(0, plan.fairDays.length - 3);
    const days = rng.chance(0.8) ? plan.fairDays : plan.fairDays.slice(start, start + 3);
    const weekDays = days.filter((d) => d >= plan.editionStart && d <= plan.editionEnd);
    const textDe = `${host} zeigt in ${hall}, Stand ${booth} Neuheiten aus dem Bereich ${theme.de}. ${theme.hook[0]}`;
    const hallEn = hall.replace("Halle", "Hall");
    const textEn = `${host} presents news in ${theme.en.toLowerCase()} in ${hallEn}, booth ${booth}. ${theme.hook[1]}`;
    const planned = composeEvent(rng, {
      org,
      stateCode: "NI",
      format: "trade_fair_booth",
      mode: "onsite",
      theme,
      title: { de: `${org.name} auf der Hannover Messe ${plan.year}`, en: `${org.name} at Hannover Messe ${plan.year}` },
      english: true,
      languages: ["de", "en"],
      sessions: weekDays.map((d) => sessionAt(d, "09:00", "18:00")),
      venue: messeHannover,
      summary: { de: textDe, en: textEn },
    });
    planned.booth = {
      fair: "Hannover Messe",
      hall,
      booth,
      days,
      coExhibitors: Array.from({ length: rng.int(0, 3) }, () => inventCompany(rng)),
      textDe,
      textEn,
    };
    return planned;
  });
}
