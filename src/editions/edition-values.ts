import { and, eq, inArray, isNull } from "drizzle-orm";
import { type ContactPerson, event, type Patron } from "../db/schema/index.ts";
import { berlinTime } from "../events/event-dates.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { validationFailed } from "../lib/errors.ts";
import { ImageRejected, storeImage } from "../media/store-image.ts";
import type { FileStore } from "../storage/file-store.ts";
import type { EditionForm } from "./edition.schemas.ts";

const rejectionKeys = { empty: "imageEmpty", size: "imageSize", type: "imageType", pixels: "imagePixels", broken: "imageBroken" } as const;

/**
 * The patrons with their portraits: a new upload (`patrons.N.portrait`) goes through the image pipeline
 * (checked by content, re-encoded without metadata), else the kept one unless removed. A portrait needs
 * its credit line. Refused files are validation errors at `patrons.N.portrait`.
 */
export async function patronsWithPortraits(store: FileStore, form: Record<string, unknown>, parsed: EditionForm): Promise<Patron[]> {
  const errors: Record<string, string> = {};
  const patrons: Patron[] = [];
  for (const p of parsed.patrons) {
    const file = form[`patrons.${p.index}.portrait`];
    let portraitUrl = p.removePortrait ? undefined : p.portraitUrl;
    if (Buffer.isBuffer(file) && file.length > 0) {
      try {
        portraitUrl = (await storeImage(store, file)).path;
      } catch (error) {
        if (!(error instanceof ImageRejected)) throw error;
        errors[`patrons.${p.index}.portrait`] = rejectionKeys[error.reason];
      }
    }
    if (portraitUrl && !p.portraitCredit) errors[`patrons.${p.index}.portraitCredit`] = "creditRequired";
    patrons.push({
      name: p.name,
      roleDe: p.roleDe,
      roleEn: p.roleEn,
      ...(portraitUrl ? { portraitUrl } : {}),
      ...(p.portraitCredit ? { portraitCredit: p.portraitCredit } : {}),
    });
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return patrons;
}

/** The contact rows as stored (empty optional parts left out). */
export function contactsOf(parsed: EditionForm): ContactPerson[] {
  return parsed.contacts.map((c) => ({
    name: c.name,
    organisation: c.organisation,
    email: c.email,
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.fax ? { fax: c.fax } : {}),
  }));
}

/** The columns every save writes (the window as Berlin days: opens at 00:00, closes at 23:59). */
export function editionColumns(parsed: EditionForm, patrons: Patron[]) {
  const f = parsed.fields;
  return {
    titleDe: f.titleDe,
    titleEn: f.titleEn,
    mottoDe: f.mottoDe,
    mottoEn: f.mottoEn,
    hashtag: f.hashtag,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    submissionOpensAt: f.submissionOpensOn ? berlinTime(f.submissionOpensOn, "00:00") : null,
    submissionClosesAt: f.submissionClosesOn ? berlinTime(f.submissionClosesOn, "23:59") : null,
    moderation: f.moderation,
    reviewTargetDays: f.reviewTargetDays,
    greetingDe: f.greetingDe,
    greetingEn: f.greetingEn,
    patrons,
    contacts: contactsOf(parsed),
  };
}

/** Opening and closing events must be published events of this edition's programme. */
export async function checkProgrammeEvents(db: DbOrTx, editionId: number, parsed: EditionForm): Promise<void> {
  const { openingEventId, closingEventId } = parsed.fields;
  const ids = [openingEventId, closingEventId].filter((id): id is number => id !== null);
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: event.id })
    .from(event)
    .where(and(inArray(event.id, ids), eq(event.editionId, editionId), eq(event.status, "published"), isNull(event.revisionOf)));
  const found = new Set(rows.map((r) => r.id));
  const errors: Record<string, string> = {};
  if (openingEventId !== null && !found.has(openingEventId)) errors.openingEventId = "notInEdition";
  if (closingEventId !== null && !found.has(closingEventId)) errors.closingEventId = "notInEdition";
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}
