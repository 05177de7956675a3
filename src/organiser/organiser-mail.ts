import type { Db } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { enqueueMail } from "../mail/enqueue-mail.ts";

/** Verbs that send mail also need the site's public origin for links. */
export type MailCtx = VerbCtx & { baseUrl: string };

export type OrganiserMail = {
  to: string;
  language: Lang;
  subject: string;
  paragraphs: string[];
  action: { label: string; url: string };
};
type Recipient = { email: string; language: string };

const langOf = (language: string): Lang => (language === "en" ? "en" : "de");

/** Queues a mail in the caller's transaction: it is sent only if the change it reports is committed. */
export async function queueOrganiserMail(db: DbOrTx, mail: OrganiserMail): Promise<void> {
  await enqueueMail({
    // A transaction has the same query API; the mail_job row then commits (or not) with the change.
    db: db as Db,
    to: mail.to,
    language: mail.language,
    template: "generic",
    data: { subject: mail.subject, paragraphs: mail.paragraphs, action: mail.action },
  });
}

/** The absolute link of a site path, in the recipient's language. */
export function mailLink(baseUrl: string, path: string, lang: Lang): string {
  return `${baseUrl}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`;
}

/** The invitation: who invites, to which organisation, to register first with this address, the link. */
export function invitationMail(
  to: { email: string; language: Lang },
  data: { organisation: string; inviter: string; token: string; baseUrl: string },
): OrganiserMail {
  const t = translator(to.language);
  return {
    to: to.email,
    language: to.language,
    subject: t("organiser.mail.inviteSubject", { organisation: data.organisation }),
    paragraphs: [
      t("organiser.mail.inviteIntro", { organisation: data.organisation, inviter: data.inviter }),
      t("organiser.mail.inviteRegisterFirst", { email: to.email }),
      t("organiser.mail.inviteValidity"),
    ],
    action: { label: t("organiser.mail.inviteAction"), url: mailLink(data.baseUrl, `/einladung/${data.token}`, to.language) },
  };
}

/** To a coordinator: an organisation of their state asks to be confirmed. */
export function organisationRequestedMail(
  to: Recipient,
  data: { name: string; stateCode: string; requester: string; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  return {
    to: to.email,
    language: lang,
    subject: t("organiser.mail.requestedSubject", { name: data.name }),
    paragraphs: [t("organiser.mail.requestedText", { name: data.name, state: data.stateCode, requester: data.requester })],
    action: { label: t("organiser.mail.requestedAction"), url: mailLink(data.baseUrl, "/mein-bereich/anfragen", lang) },
  };
}

/** To the requester: their organisation was confirmed or declined, with the reviewer's note. */
export function organisationDecidedMail(
  to: Recipient,
  data: { name: string; status: "active" | "declined"; note: string | null; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  const confirmed = data.status === "active";
  return {
    to: to.email,
    language: lang,
    subject: t(confirmed ? "organiser.mail.confirmedSubject" : "organiser.mail.declinedSubject", { name: data.name }),
    paragraphs: [
      t(confirmed ? "organiser.mail.confirmedText" : "organiser.mail.declinedText", { name: data.name }),
      ...(data.note ? [`${t("organiser.mail.note")}: ${data.note}`] : []),
    ],
    action: { label: t("organiser.mail.myAreaAction"), url: mailLink(data.baseUrl, "/mein-bereich", lang) },
  };
}
