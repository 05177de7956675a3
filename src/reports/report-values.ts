import { type EventLink, type PhotoLicence, photoLicences } from "../db/schema/index.ts";

/** The form's raw fields: strings (checkbox groups as arrays) and uploaded files. */
export type RawValues = Record<string, string | string[] | undefined>;

export const MAX_REPORT_TEXT = 20_000;
export const MAX_PARTICIPANTS = 1_000_000;
export const MAX_PHOTOS = 12;
/** New photo slots per form post, and link rows. */
export const PHOTO_SLOTS = 3;
export const LINK_ROWS = 3;

export type ReportText = { textDe: string; textEn: string | null; participantCount: number | null; links: EventLink[] };
export type NewPhotoInput = { file: Buffer | undefined; altDe: string; altEn: string; credit: string; licence: string; consent: boolean };
export type NewPhoto = { file: Buffer; altDe: string; altEn: string | null; credit: string; licence: PhotoLicence };

const one = (v: RawValues, key: string): string => {
  const value = v[key];
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
};
const isWebUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && text.length <= 2000;
  } catch {
    return false;
  }
};

/**
 * The report's text fields, checked; errors are stable codes by field name (reports.errors.<code>).
 * Submitting needs the German text and the participant count; a draft may leave them empty.
 */
export function parseReportText(v: RawValues, submit: boolean): { text: ReportText; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const textDe = one(v, "textDe");
  const textEn = one(v, "textEn");
  if (textDe.length > MAX_REPORT_TEXT) errors.textDe = "tooLong";
  else if (submit && !textDe) errors.textDe = "required";
  if (textEn.length > MAX_REPORT_TEXT) errors.textEn = "tooLong";
  const countText = one(v, "participantCount").replace(/[.\s]/g, "");
  let participantCount: number | null = null;
  if (countText) {
    const n = /^\d{1,7}$/.test(countText) ? Number(countText) : Number.NaN;
    if (!Number.isInteger(n) || n > MAX_PARTICIPANTS) errors.participantCount = "number";
    else participantCount = n;
  } else if (submit) errors.participantCount = "required";
  const links: EventLink[] = [];
  for (let i = 0; i < LINK_ROWS; i++) {
    const label = one(v, `links.${i}.label`);
    const url = one(v, `links.${i}.url`);
    if (!label && !url) continue;
    if (label.length > 200) errors[`links.${i}.label`] = "tooLong";
    if (!url) errors[`links.${i}.url`] = "required";
    else if (!isWebUrl(url)) errors[`links.${i}.url`] = "url";
    else links.push({ label: label || url, url });
  }
  return { text: { textDe, textEn: textEn || null, participantCount, links }, errors };
}

/**
 * New photos of one post: a slot with a file or any text is a photo, and needs the file, the German alt
 * text, the credit, a licence of the list and the consent confirmation; empty slots are skipped.
 */
export function parseNewPhotos(slots: readonly NewPhotoInput[]): {
  photos: { slot: number; photo: NewPhoto }[];
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const photos: { slot: number; photo: NewPhoto }[] = [];
  slots.forEach((s, i) => {
    const altDe = s.altDe.trim();
    const altEn = s.altEn.trim();
    const credit = s.credit.trim();
    const used = s.file !== undefined || altDe || altEn || credit || s.consent;
    if (!used) return;
    const at = (field: string, code: string) => {
      errors[`photos.${i}.${field}`] = code;
    };
    if (!s.file) at("file", "fileMissing");
    if (!altDe) at("altDe", "required");
    else if (altDe.length > 300) at("altDe", "tooLong");
    if (altEn.length > 300) at("altEn", "tooLong");
    if (!credit) at("credit", "required");
    else if (credit.length > 200) at("credit", "tooLong");
    if (!(photoLicences as readonly string[]).includes(s.licence)) at("licence", "licence");
    if (!s.consent) at("consent", "consent");
    if (s.file && !Object.keys(errors).some((k) => k.startsWith(`photos.${i}.`)))
      photos.push({ slot: i, photo: { file: s.file, altDe, altEn: altEn || null, credit, licence: s.licence as PhotoLicence } });
  });
  return { photos, errors };
}
