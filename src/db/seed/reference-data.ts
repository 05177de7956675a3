import type { Db } from "../client.ts";
import { attendanceMode, format, page, state, targetGroup, topic } from "../schema/index.ts";
import { defaultPages } from "./default-pages.ts";

export const states = [
  ["BW", "Baden-Württemberg", "Baden-Württemberg"],
  ["BY", "Bayern", "Bavaria"],
  ["BE", "Berlin", "Berlin"],
  ["BB", "Brandenburg", "Brandenburg"],
  ["HB", "Bremen", "Bremen"],
  ["HH", "Hamburg", "Hamburg"],
  ["HE", "Hessen", "Hesse"],
  ["MV", "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"],
  ["NI", "Niedersachsen", "Lower Saxony"],
  ["NW", "Nordrhein-Westfalen", "North Rhine-Westphalia"],
  ["RP", "Rheinland-Pfalz", "Rhineland-Palatinate"],
  ["SL", "Saarland", "Saarland"],
  ["SN", "Sachsen", "Saxony"],
  ["ST", "Sachsen-Anhalt", "Saxony-Anhalt"],
  ["SH", "Schleswig-Holstein", "Schleswig-Holstein"],
  ["TH", "Thüringen", "Thuringia"],
] as const;

export type StateCode = (typeof states)[number][0];

export const formats = [
  ["seminar", "Seminar", "Seminar"],
  ["conference", "Fachtagung / Konferenz", "Conference"],
  ["workshop", "Workshop", "Workshop"],
  ["exhibition", "Ausstellung", "Exhibition"],
  ["company_visit", "Unternehmensbesuch", "Company visit"],
  ["open_day", "Tag der offenen Tür", "Open day"],
  ["talk", "Vortrag", "Talk"],
  ["forum", "Forum / Kongress", "Forum / congress"],
  ["networking", "Netzwerktreffen", "Networking"],
  ["trade_fair_booth", "Messestand", "Trade-fair booth"],
  ["other", "Sonstiges", "Other"],
] as const;

export const attendanceModes = [
  ["onsite", "Vor Ort", "On site", "OfflineEventAttendanceMode"],
  ["online", "Online", "Online", "OnlineEventAttendanceMode"],
  ["hybrid", "Hybrid", "Hybrid", "MixedEventAttendanceMode"],
] as const;

export const topics = [
  ["automotive", "Automobil & Mobilität", "Automotive & mobility"],
  ["aerospace", "Luft- und Raumfahrt", "Aerospace"],
  ["biotech", "Biotechnologie & Life Sciences", "Biotechnology & life sciences"],
  ["health", "Gesundheitswirtschaft & Medizintechnik", "Healthcare & medical technology"],
  ["energy", "Energie & Umwelttechnik", "Energy & environmental technology"],
  ["ict", "Informations- & Kommunikationstechnik", "Information & communication technology"],
  ["production", "Produktion & Industrie 4.0", "Manufacturing & Industry 4.0"],
  ["materials", "Neue Werkstoffe & Kunststoffe", "Advanced materials & plastics"],
  ["photonics", "Optik & Photonik", "Optics & photonics"],
  ["microelectronics", "Mikro- & Nanotechnologie", "Micro- & nanotechnology"],
  ["logistics", "Logistik", "Logistics"],
  ["maritime", "Maritime Wirtschaft", "Maritime industry"],
  ["food", "Ernährung & Landwirtschaft", "Food & agriculture"],
  ["chemistry", "Chemie", "Chemistry"],
  ["creative", "Kultur- & Kreativwirtschaft", "Creative industries"],
  ["construction", "Bauen & Wohnen", "Construction & housing"],
] as const;

export const targetGroups = [
  ["companies", "Unternehmen", "Companies"],
  ["startups", "Start-ups", "Start-ups"],
  ["smes", "KMU", "SMEs"],
  ["researchers", "Wissenschaft", "Researchers"],
  ["students", "Studierende", "Students"],
  ["pupils", "Schülerinnen und Schüler", "Pupils"],
  ["public", "Breite Öffentlichkeit", "General public"],
  ["policy", "Politik & Verwaltung", "Policy makers & administration"],
  ["investors", "Investoren", "Investors"],
  ["press", "Presse", "Press"],
] as const;

/** Inserts the taxonomies and default pages every installation needs; safe to run on every start. */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(state)
      .values([
        ...states.map(([code, nameDe, nameEn], i) => ({ code, nameDe, nameEn, kind: "land" as const, sort: i })),
        { code: "online", nameDe: "Online", nameEn: "Online", kind: "online" as const, sort: 100 },
        { code: "international", nameDe: "International", nameEn: "International", kind: "international" as const, sort: 101 },
      ])
      .onConflictDoNothing();
    await tx
      .insert(format)
      .values(formats.map(([code, nameDe, nameEn], sort) => ({ code, nameDe, nameEn, sort })))
      .onConflictDoNothing();
    await tx
      .insert(attendanceMode)
      .values(attendanceModes.map(([code, nameDe, nameEn, schemaOrg], sort) => ({ code, nameDe, nameEn, schemaOrg, sort })))
      .onConflictDoNothing();
    await tx
      .insert(topic)
      .values(topics.map(([code, nameDe, nameEn], sort) => ({ code, nameDe, nameEn, sort })))
      .onConflictDoNothing();
    await tx
      .insert(targetGroup)
      .values(targetGroups.map(([code, nameDe, nameEn], sort) => ({ code, nameDe, nameEn, sort })))
      .onConflictDoNothing();
    // Only the missing ones: a conflicting insert would use up serial ids on every start.
    const existing = new Set((await tx.select({ slug: page.slug }).from(page)).map((p) => p.slug));
    const missing = defaultPages.filter((p) => !existing.has(p.slug));
    if (missing.length > 0) await tx.insert(page).values(missing).onConflictDoNothing();
  });
}
