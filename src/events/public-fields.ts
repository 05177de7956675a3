type Choosable = {
  status: string;
  contactPublic: boolean;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  onlineUrlPublic: boolean;
  onlineUrl: string | null;
  liveUrl: string | null;
  registrationUrl: string | null;
  registrationEmail: string | null;
  registrationDeadline: Date | null;
};

/**
 * An event row as public outputs may show it: the contact person only where the organiser chose them
 * as the public contact, the online access link only where marked public (PRODUCT §8, issue #12.5).
 * A cancelled event offers no way in: no registration, no access or live link (issue #13.5).
 */
export function publicFields<T extends Choosable>(ev: T): T {
  const contact = ev.contactPublic ? {} : { contactName: null, contactEmail: null, contactPhone: null };
  const shown = { ...ev, ...contact, onlineUrl: ev.onlineUrlPublic ? ev.onlineUrl : null };
  if (ev.status !== "cancelled") return shown;
  return { ...shown, onlineUrl: null, liveUrl: null, registrationUrl: null, registrationEmail: null, registrationDeadline: null };
}
