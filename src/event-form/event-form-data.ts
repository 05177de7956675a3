import { berlinDay } from "../events/event-dates.ts";
import type { PublicEvent } from "../events/get-public-event.ts";
import type { EventInput } from "./event-form.schemas.ts";

/** The form as typed: every field by its name, strings only (repeated checkboxes as arrays). */
export type FormValues = Record<string, string | string[]>;

const listFields = ["topics", "targetGroups", "languages"] as const;

/** Splits a multipart/url-encoded body into the typed values and the uploaded image, if any. */
export function formValuesFromBody(body: unknown): { values: FormValues; image: Buffer | undefined } {
  const values: FormValues = {};
  let image: Buffer | undefined;
  for (const [key, raw] of Object.entries(typeof body === "object" && body ? body : {})) {
    if (key === "image") {
      if (Buffer.isBuffer(raw) && raw.length > 0) image = raw;
      else if (typeof raw === "string" && raw.length > 0) image = Buffer.from(raw, "latin1");
      continue;
    }
    if (typeof raw === "string") values[key] = raw;
    else if (Array.isArray(raw)) values[key] = raw.filter((v): v is string => typeof v === "string");
  }
  return { values, image };
}

export const one = (v: FormValues, key: string): string => {
  const value = v[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
};
export const many = (v: FormValues, key: string): string[] => {
  const value = v[key];
  return (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean);
};
const num = (text: string): number | null => (text.trim() === "" ? null : Number(text.trim().replace(",", ".")));

/** Row numbers present for a repeated group such as sessions.0.startDate, sessions.1.startDate … */
export function rowIndexes(v: FormValues, group: string): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(v)) {
    const match = new RegExp(`^${group}\\.(\\d{1,2})\\.`).exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The verb input of a filled-in form; empty date and link rows are dropped. */
export function inputFromForm(v: FormValues): EventInput {
  const sessions = rowIndexes(v, "sessions")
    .map((i) => ({
      startDate: one(v, `sessions.${i}.startDate`).trim(),
      startTime: one(v, `sessions.${i}.startTime`).trim(),
      endDate: one(v, `sessions.${i}.endDate`).trim(),
      endTime: one(v, `sessions.${i}.endTime`).trim(),
      allDay: one(v, `sessions.${i}.allDay`) === "1",
    }))
    .filter((s) => s.startDate || s.startTime || s.endDate || s.endTime);
  const links = rowIndexes(v, "links")
    .map((i) => ({ label: one(v, `links.${i}.label`).trim(), url: one(v, `links.${i}.url`).trim() }))
    .filter((l) => l.label || l.url);
  const text = (key: string) => one(v, key);
  return {
    titleDe: text("titleDe"),
    titleEn: text("titleEn"),
    summaryDe: text("summaryDe"),
    summaryEn: text("summaryEn"),
    descriptionDe: text("descriptionDe"),
    descriptionEn: text("descriptionEn"),
    formatCode: text("formatCode"),
    mode: text("mode") as EventInput["mode"],
    sessions,
    venue: {
      name: text("venue.name"),
      street: text("venue.street"),
      postalCode: text("venue.postalCode"),
      city: text("venue.city"),
      stateCode: text("venue.stateCode"),
      country: text("venue.country").trim().toUpperCase() || "DE",
      latitude: num(text("venue.latitude")),
      longitude: num(text("venue.longitude")),
    },
    onlineUrl: text("onlineUrl").trim(),
    onlineUrlPublic: text("onlineUrlPublic") === "1",
    liveUrl: text("liveUrl").trim(),
    replayUrl: text("replayUrl").trim(),
    topics: many(v, "topics"),
    targetGroups: many(v, "targetGroups"),
    languages: many(v, "languages") as EventInput["languages"],
    partnerCountries: text("partnerCountries")
      .split(/[,;\s]+/)
      .filter(Boolean),
    coOrganisers: text("coOrganisers")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    isFree: text("isFree") !== "no",
    costText: text("costText"),
    registrationUrl: text("registrationUrl").trim(),
    registrationEmail: text("registrationEmail").trim(),
    registrationDeadline: text("registrationDeadline").trim(),
    capacity: num(text("capacity")),
    accessibility: {
      stepFree: text("accessibility.stepFree") === "1",
      hearingLoop: text("accessibility.hearingLoop") === "1",
      signLanguage: text("accessibility.signLanguage") === "1",
      subtitles: text("accessibility.subtitles") === "1",
      notes: text("accessibility.notes"),
    },
    contactName: text("contactName"),
    contactEmail: text("contactEmail").trim(),
    contactPhone: text("contactPhone"),
    contactPublic: text("contactPublic") === "1",
    imageUrl: text("imageRemove") === "1" ? "" : text("imageUrl"),
    imageAlt: text("imageAlt"),
    imageCredit: text("imageCredit"),
    links,
  };
}

const time = (d: Date) => d.toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });

/** The form filled with a stored event. */
export function formFromEvent(e: PublicEvent): FormValues {
  const ev = e.event;
  const v: FormValues = {
    version: String(ev.version),
    titleDe: ev.titleDe,
    titleEn: ev.titleEn ?? "",
    summaryDe: ev.summaryDe,
    summaryEn: ev.summaryEn ?? "",
    descriptionDe: ev.descriptionDe,
    descriptionEn: ev.descriptionEn ?? "",
    formatCode: ev.formatCode,
    mode: ev.mode,
    onlineUrl: ev.onlineUrl ?? "",
    onlineUrlPublic: ev.onlineUrlPublic ? "1" : "",
    liveUrl: ev.liveUrl ?? "",
    replayUrl: ev.replayUrl ?? "",
    topics: ev.topics,
    targetGroups: ev.targetGroups,
    languages: ev.languages,
    partnerCountries: ev.partnerCountries.join(", "),
    coOrganisers: ev.coOrganisers.map((c) => c.name).join("\n"),
    isFree: ev.isFree ? "yes" : "no",
    costText: ev.costText ?? "",
    registrationUrl: ev.registrationUrl ?? "",
    registrationEmail: ev.registrationEmail ?? "",
    registrationDeadline: ev.registrationDeadline ? berlinDay(ev.registrationDeadline) : "",
    capacity: ev.capacity == null ? "" : String(ev.capacity),
    "accessibility.stepFree": ev.accessibility.stepFree ? "1" : "",
    "accessibility.hearingLoop": ev.accessibility.hearingLoop ? "1" : "",
    "accessibility.signLanguage": ev.accessibility.signLanguage ? "1" : "",
    "accessibility.subtitles": ev.accessibility.subtitles ? "1" : "",
    "accessibility.notes": ev.accessibility.notes ?? "",
    contactName: ev.contactName ?? "",
    contactEmail: ev.contactEmail ?? "",
    contactPhone: ev.contactPhone ?? "",
    contactPublic: ev.contactPublic ? "1" : "",
    imageUrl: ev.imageUrl ?? "",
    imageAlt: ev.imageAlt ?? "",
    imageCredit: ev.imageCredit ?? "",
  };
  if (e.venue) {
    const place = e.venue;
    Object.assign(v, {
      "venue.name": place.name,
      "venue.street": place.street,
      "venue.postalCode": place.postalCode,
      "venue.city": place.city,
      "venue.stateCode": place.stateCode ?? "",
      "venue.country": place.country,
      "venue.latitude": place.latitude == null ? "" : String(place.latitude),
      "venue.longitude": place.longitude == null ? "" : String(place.longitude),
    });
  }
  e.sessions.forEach((s, i) => {
    const lastDay = berlinDay(new Date(s.endsAt.getTime() - (s.allDay ? 1 : 0)));
    const firstDay = berlinDay(s.startsAt);
    v[`sessions.${i}.startDate`] = firstDay;
    v[`sessions.${i}.startTime`] = s.allDay ? "" : time(s.startsAt);
    v[`sessions.${i}.endDate`] = lastDay === firstDay ? "" : lastDay;
    v[`sessions.${i}.endTime`] = s.allDay ? "" : time(s.endsAt);
    v[`sessions.${i}.allDay`] = s.allDay ? "1" : "";
  });
  ev.links.forEach((l, i) => {
    v[`links.${i}.label`] = l.label;
    v[`links.${i}.url`] = l.url;
  });
  return v;
}

/** The form field a verb error path belongs to ("partnerCountries.2" → "partnerCountries"). */
export function fieldOfPath(path: string): string {
  for (const base of [...listFields, "partnerCountries", "coOrganisers"]) if (path.startsWith(`${base}.`)) return base;
  return path;
}
