import { eq } from "drizzle-orm";
import { membership, user } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { mailLink, queueOrganiserMail } from "../organiser/organiser-mail.ts";

export type ReportDecisionMail = {
  eventId: number;
  organisationId: number;
  titleDe: string;
  titleEn: string | null;
  action: "publish" | "request_changes" | "reject";
  reviewer: string;
  message: string;
  baseUrl: string;
};

/** The report form's path of an event. */
export const reportFormPath = (eventId: number) => `/mein-bereich/veranstaltungen/${eventId}/bericht`;

/** Queues the decision mail to every member of the organisation, each in their language. */
export async function queueReportDecisionMails(db: DbOrTx, m: ReportDecisionMail): Promise<number> {
  const members = await db
    .select({ email: user.email, language: user.language })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.organisationId, m.organisationId));
  for (const member of members) {
    const lang: Lang = member.language === "en" ? "en" : "de";
    const t = translator(lang);
    const title = (lang === "en" && m.titleEn) || m.titleDe;
    const paragraphs = [t(`reports.mail.text.${m.action}`, { title })];
    if (m.message) paragraphs.push(t("reports.mail.message", { who: m.reviewer }), m.message);
    await queueOrganiserMail(db, {
      to: member.email,
      language: lang,
      subject: t(`reports.mail.subject.${m.action}`, { title }),
      paragraphs,
      action: { label: t("reports.mail.open"), url: mailLink(m.baseUrl, reportFormPath(m.eventId), lang) },
    });
  }
  return members.length;
}
