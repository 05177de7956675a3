import { formatDay } from "../lib/format-date.ts";
import type { Lang } from "../lib/language.ts";

/** Every mail the platform sends, with the data each needs (links are absolute URLs). */
export type MailTemplate =
  | { template: "verifyEmail"; data: { name: string; link: string } }
  | { template: "resetPassword"; data: { name: string; link: string } }
  | { template: "changeEmail"; data: { name: string; link: string } }
  /** An account the office created: the first password is set through the link (a reset token valid a week). */
  | { template: "accountCreated"; data: { name: string; creator: string; role: string; link: string } }
  | { template: "registrationAttempt"; data: { name: string; loginLink: string; resetLink: string } }
  | { template: "organisationInvitation"; data: { organisation: string; inviter: string; link: string; message?: string } }
  | { template: "organisationConfirmed"; data: { name: string; organisation: string; link: string } }
  /** The rollover: last edition's organisations are invited to the new one, their past events waiting as drafts. */
  | {
      template: "editionInvitation";
      data: {
        name: string;
        organisation: string;
        titleDe: string;
        titleEn: string;
        startsOn: string;
        endsOn: string;
        drafts: number;
        link: string;
      };
    }
  /** Any other notice: a subject, paragraphs of plain text and an optional button link. */
  | { template: "generic"; data: { subject: string; greeting?: string; paragraphs: string[]; action?: { label: string; url: string } } };

export type RenderedMail = { subject: string; text: string; html: string };

type Body = { subject: string; greeting: string; paragraphs: string[]; action?: { label: string; url: string } };

const signature: Record<Lang, string> = {
  de: "Ihr Team der Clusterwoche Deutschland",
  en: "Your Clusterwoche Deutschland team",
};

function body(lang: Lang, mail: MailTemplate): Body {
  const de = lang === "de";
  switch (mail.template) {
    case "verifyEmail":
      return {
        subject: de ? "Bitte bestätigen Sie Ihre E-Mail-Adresse" : "Please confirm your e-mail address",
        greeting: de ? `Hallo ${mail.data.name},` : `Hello ${mail.data.name},`,
        paragraphs: [
          de
            ? "vielen Dank für Ihre Registrierung bei der Clusterwoche. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link (gültig 48 Stunden):"
            : "thank you for registering with the Clusterwoche. Please confirm your e-mail address with this link (valid for 48 hours):",
          de
            ? "Falls Sie sich nicht registriert haben, ignorieren Sie diese E-Mail."
            : "If you did not register, please ignore this e-mail.",
        ],
        action: { label: de ? "E-Mail-Adresse bestätigen" : "Confirm e-mail address", url: mail.data.link },
      };
    case "resetPassword":
      return {
        subject: de ? "Neues Passwort festlegen" : "Set a new password",
        greeting: de ? `Hallo ${mail.data.name},` : `Hello ${mail.data.name},`,
        paragraphs: [
          de
            ? "Sie haben ein neues Passwort angefordert. Mit diesem Link legen Sie es fest (gültig eine Stunde, nur einmal nutzbar):"
            : "You asked for a new password. Set it with this link (valid for one hour, usable once):",
          de
            ? "Falls Sie nichts angefordert haben, bleibt Ihr Passwort unverändert."
            : "If you did not ask for this, your password stays unchanged.",
        ],
        action: { label: de ? "Neues Passwort festlegen" : "Set a new password", url: mail.data.link },
      };
    case "changeEmail":
      return {
        subject: de ? "Neue E-Mail-Adresse bestätigen" : "Confirm your new e-mail address",
        greeting: de ? `Hallo ${mail.data.name},` : `Hello ${mail.data.name},`,
        paragraphs: [
          de
            ? "Ihr Konto bei der Clusterwoche soll künftig diese Adresse verwenden. Bitte bestätigen Sie das mit diesem Link (gültig 48 Stunden):"
            : "Your Clusterwoche account is to use this address from now on. Please confirm with this link (valid for 48 hours):",
        ],
        action: { label: de ? "Adresse bestätigen" : "Confirm address", url: mail.data.link },
      };
    case "accountCreated":
      return {
        subject: de ? "Ihr Konto bei der Clusterwoche" : "Your Clusterwoche account",
        greeting: de ? `Hallo ${mail.data.name},` : `Hello ${mail.data.name},`,
        paragraphs: [
          de
            ? `${mail.data.creator} hat für Sie ein Konto bei der Clusterwoche angelegt (Rolle: ${mail.data.role}). Mit diesem Link legen Sie Ihr Passwort fest (gültig sieben Tage, nur einmal nutzbar):`
            : `${mail.data.creator} has created a Clusterwoche account for you (role: ${mail.data.role}). Set your password with this link (valid for seven days, usable once):`,
        ],
        action: { label: de ? "Passwort festlegen" : "Set password", url: mail.data.link },
      };
    case "registrationAttempt":
      return {
        subject: de ? "Registrierung mit Ihrer Adresse" : "Registration with your address",
        greeting: de ? `Hallo ${mail.data.name},` : `Hello ${mail.data.name},`,
        paragraphs: [
          de
            ? "jemand hat versucht, mit Ihrer E-Mail-Adresse ein neues Konto bei der Clusterwoche anzulegen. Sie haben bereits ein Konto; es wurde nichts geändert."
            : "someone tried to create a new Clusterwoche account with your e-mail address. You already have an account; nothing was changed.",
          de ? `Anmelden: ${mail.data.loginLink}` : `Log in: ${mail.data.loginLink}`,
          de ? "Passwort vergessen? Hier legen Sie ein neues fest:" : "Forgot your password? Set a new one here:",
        ],
        action: { label: de ? "Passwort zurücksetzen" : "Reset password", url: mail.data.resetLink },
      };
    case "organisationInvitation":
      return {
        subject: de ? `Einladung: ${mail.data.organisation}` : `Invitation: ${mail.data.organisation}`,
        greeting: de ? "Guten Tag," : "Hello,",
        paragraphs: [
          de
            ? `${mail.data.inviter} lädt Sie ein, die Organisation „${mail.data.organisation}“ auf der Plattform der Clusterwoche zu vertreten.`
            : `${mail.data.inviter} invites you to represent the organisation “${mail.data.organisation}” on the Clusterwoche platform.`,
          ...(mail.data.message ? [mail.data.message] : []),
        ],
        action: { label: de ? "Einladung annehmen" : "Accept invitation", url: mail.data.link },
      };
    case "organisationConfirmed":
      return {
        subject: de ? `Organisation bestätigt: ${mail.data.organisation}` : `Organisation confirmed: ${mail.data.organisation}`,
        greeting: de ? `Hallo ${mail.data.name},` : `Hello ${mail.data.name},`,
        paragraphs: [
          de
            ? `„${mail.data.organisation}“ ist bestätigt. Sie können jetzt Veranstaltungen eintragen.`
            : `“${mail.data.organisation}” has been confirmed. You can enter events now.`,
        ],
        action: { label: de ? "Zu meinem Bereich" : "Go to my area", url: mail.data.link },
      };
    case "editionInvitation": {
      const d = mail.data;
      const title = de ? d.titleDe : d.titleEn;
      const dates = `${formatDay(lang, new Date(`${d.startsOn}T12:00:00Z`))} – ${formatDay(lang, new Date(`${d.endsOn}T12:00:00Z`))}`;
      return {
        subject: de ? `Einladung zur ${title}` : `Invitation to ${title}`,
        greeting: de ? `Hallo ${d.name},` : `Hello ${d.name},`,
        paragraphs: [
          de
            ? `„${d.organisation}“ war bei der letzten Clusterwoche dabei. Wir laden Sie herzlich ein, auch bei der ${title} (${dates}) mitzumachen.`
            : `“${d.organisation}” took part in the last Clusterwoche. We warmly invite you to join the ${title} (${dates}) as well.`,
          d.drafts === 0
            ? de
              ? "Tragen Sie Ihre Veranstaltungen in Ihrem Bereich ein."
              : "Enter your events in your area."
            : de
              ? `Ihre ${d.drafts === 1 ? "Veranstaltung" : `${d.drafts} Veranstaltungen`} vom letzten Mal ${d.drafts === 1 ? "liegt" : "liegen"} als Entwurf mit verschobenen Terminen bereit. Bitte prüfen und ergänzen Sie sie und reichen Sie sie dann selbst ein – eingereicht wurde nichts.`
              : `Your ${d.drafts === 1 ? "event" : `${d.drafts} events`} from last time ${d.drafts === 1 ? "is" : "are"} waiting as ${d.drafts === 1 ? "a draft" : "drafts"} with the dates moved. Please check and complete them, then submit them yourself – nothing has been submitted.`,
        ],
        action: { label: de ? "Zu meinen Veranstaltungen" : "Go to my events", url: d.link },
      };
    }
    case "generic":
      return {
        subject: mail.data.subject,
        greeting: mail.data.greeting ?? (de ? "Guten Tag," : "Hello,"),
        paragraphs: mail.data.paragraphs,
        ...(mail.data.action ? { action: mail.data.action } : {}),
      };
  }
}

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Plain text and HTML of one mail in the recipient's language; every value is escaped in the HTML. */
export function renderMail(lang: Lang, mail: MailTemplate): RenderedMail {
  const b = body(lang, mail);
  const subject = b.subject.replace(/[\r\n]+/g, " ");
  const text = [b.greeting, "", ...b.paragraphs.flatMap((p) => [p, ""]), ...(b.action ? [b.action.url, ""] : []), signature[lang], ""].join(
    "\n",
  );
  const safeUrl = b.action && /^https?:\/\//.test(b.action.url) ? b.action.url : undefined;
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">',
    `<p>${escapeHtml(b.greeting)}</p>`,
    ...b.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    b.action && safeUrl
      ? `<p><a href="${escapeHtml(safeUrl)}" style="display:inline-block;padding:.5em 1em;background:#00508c;color:#fff;text-decoration:none">${escapeHtml(b.action.label)}</a></p><p>${escapeHtml(safeUrl)}</p>`
      : "",
    `<p>${escapeHtml(signature[lang])}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
