type Choosable = {
  contactPublic: boolean;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  onlineUrlPublic: boolean;
  onlineUrl: string | null;
};

/**
 * An event row as public outputs may show it: the contact person only where the organiser chose them
 * as the public contact, the online access link only where marked public (PRODUCT §8, issue #12.5).
 */
export function publicFields<T extends Choosable>(ev: T): T {
  const contact = ev.contactPublic ? {} : { contactName: null, contactEmail: null, contactPhone: null };
  return { ...ev, ...contact, onlineUrl: ev.onlineUrlPublic ? ev.onlineUrl : null };
}
