import { mailJob } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { VerbCtx } from "../lib/actor.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";

/** Verbs that send mail also need the site's public origin for links. */
export type MailCtx = VerbCtx & { baseUrl: string };

export type OrganiserMail = { to: string; language: Lang; subject: string; text: string };
type Recipient = { email: string; language: string };

const langOf = (language: string): Lang => (language === "en" ? "en" : "de");
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Queues a mail in the caller's transaction: it is sent only if the change it reports is committed. */
export async function queueOrganiserMail(db: DbOrTx, mail: OrganiserMail): Promise<void> {
  const html = mail.text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  await db.insert(mailJob).values({ recipient: mail.to, language: mail.language, subject: mail.subject, text: mail.text, html });
}

/** The absolute link of a site path, in the recipient's language. */
export function mailLink(baseUrl: string, path: string, lang: Lang): string {
  return `${baseUrl}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`;
}

/** The invitation: who invites, to which organisation, the link, and to register first with this address. */
export function invitationMail(
  to: { email: string; language: Lang },
  data: { organisation: string; inviter: string; token: string; baseUrl: string },
): OrganiserMail {
  const t = translator(to.language);
  const link = mailLink(data.baseUrl, `/einladung/${data.token}`, to.language);
  return {
    to: to.email,
    language: to.language,
    subject: t("organiser.mail.inviteSubject", { organisation: data.organisation }),
    text: t("organiser.mail.inviteText", { organisation: data.organisation, inviter: data.inviter, link, email: to.email }),
  };
}

/** To a coordinator: an organisation of their state asks to be confirmed. */
export function organisationRequestedMail(
  to: Recipient,
  data: { name: string; stateCode: string; requester: string; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  const link = mailLink(data.baseUrl, "/mein-bereich/anfragen", lang);
  return {
    to: to.email,
    language: lang,
    subject: t("organiser.mail.requestedSubject", { name: data.name }),
    text: t("organiser.mail.requestedText", { name: data.name, state: data.stateCode, requester: data.requester, link }),
  };
}

/** To the requester: their organisation was confirmed or declined. */
export function organisationDecidedMail(
  to: Recipient,
  data: { name: string; status: "active" | "declined"; note: string | null; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  const link = mailLink(data.baseUrl, "/mein-bereich", lang);
  const note = data.note ? `\n\n${t("organiser.mail.note")}: ${data.note}` : "";
  const confirmed = data.status === "active";
  return {
    to: to.email,
    language: lang,
    subject: t(confirmed ? "organiser.mail.confirmedSubject" : "organiser.mail.declinedSubject", { name: data.name }),
    text: `${t(confirmed ? "organiser.mail.confirmedText" : "organiser.mail.declinedText", { name: data.name, link })}${note}`,
  };
}
