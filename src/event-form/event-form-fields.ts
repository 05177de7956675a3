import type { PageCtx } from "../lib/page-context.ts";

/**
 * The event form's fields a reviewer can mark when requesting changes: the input names of
 * EventFormSections.tsx (rows of dates and links as their whole section), each with its label's i18n key.
 * The review form offers these as checkboxes; the organiser's form marks the ones a decision names.
 */
export const markableEventFields = [
  { name: "titleDe", labelKey: "eventForm.fields.titleDe" },
  { name: "titleEn", labelKey: "eventForm.fields.titleEn" },
  { name: "summaryDe", labelKey: "eventForm.fields.summaryDe" },
  { name: "summaryEn", labelKey: "eventForm.fields.summaryEn" },
  { name: "descriptionDe", labelKey: "eventForm.fields.descriptionDe" },
  { name: "descriptionEn", labelKey: "eventForm.fields.descriptionEn" },
  { name: "formatCode", labelKey: "eventForm.fields.formatCode" },
  { name: "mode", labelKey: "eventForm.fields.mode" },
  { name: "sessions", labelKey: "eventForm.sections.dates" },
  { name: "venue.name", labelKey: "eventForm.fields.venueName" },
  { name: "venue.street", labelKey: "eventForm.fields.street" },
  { name: "venue.postalCode", labelKey: "eventForm.fields.postalCode" },
  { name: "venue.city", labelKey: "eventForm.fields.city" },
  { name: "venue.stateCode", labelKey: "eventForm.fields.stateCode" },
  { name: "venue.country", labelKey: "eventForm.fields.country" },
  { name: "venue.latitude", labelKey: "eventForm.fields.latitude" },
  { name: "venue.longitude", labelKey: "eventForm.fields.longitude" },
  { name: "onlineUrl", labelKey: "eventForm.fields.onlineUrl" },
  { name: "liveUrl", labelKey: "eventForm.fields.liveUrl" },
  { name: "replayUrl", labelKey: "eventForm.fields.replayUrl" },
  { name: "topics", labelKey: "eventForm.fields.topics" },
  { name: "targetGroups", labelKey: "eventForm.fields.targetGroups" },
  { name: "languages", labelKey: "eventForm.fields.languages" },
  { name: "partnerCountries", labelKey: "eventForm.fields.partnerCountries" },
  { name: "coOrganisers", labelKey: "eventForm.fields.coOrganisers" },
  { name: "isFree", labelKey: "eventForm.fields.isFree" },
  { name: "costText", labelKey: "eventForm.fields.costText" },
  { name: "registrationUrl", labelKey: "eventForm.fields.registrationUrl" },
  { name: "registrationEmail", labelKey: "eventForm.fields.registrationEmail" },
  { name: "registrationDeadline", labelKey: "eventForm.fields.registrationDeadline" },
  { name: "capacity", labelKey: "eventForm.fields.capacity" },
  { name: "accessibility.notes", labelKey: "eventForm.fields.accessibilityNotes" },
  { name: "contactName", labelKey: "eventForm.fields.contactName" },
  { name: "contactEmail", labelKey: "eventForm.fields.contactEmail" },
  { name: "contactPhone", labelKey: "eventForm.fields.contactPhone" },
  { name: "image", labelKey: "eventForm.sections.image" },
  { name: "imageAlt", labelKey: "eventForm.fields.imageAlt" },
  { name: "imageCredit", labelKey: "eventForm.fields.imageCredit" },
  { name: "links", labelKey: "eventForm.sections.links" },
] as const;

export type MarkableEventField = (typeof markableEventFields)[number]["name"];

const byName = new Map<string, string>(markableEventFields.map((f) => [f.name, f.labelKey]));

/** Whether `name` is a field the organiser's form can mark. */
export const isMarkableEventField = (name: string): name is MarkableEventField => byName.has(name);

/** The label of a markable field in the reader's language; the name itself for one the form no longer has. */
export function markableFieldLabel(ctx: Pick<PageCtx, "t">, name: string): string {
  const key = byName.get(name);
  return key ? (ctx.t as unknown as (k: string) => string)(key) : name;
}
