import { and, eq, isNull } from "drizzle-orm";
import type { ReviewAction } from "../db/schema/index.ts";
import { membership, user } from "../db/schema/index.ts";
import { markableFieldLabel } from "../event-form/event-form-fields.ts";
import type { DbOrTx } from "../events/event-record.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { mailLink, queueOrganiserMail } from "../organiser/organiser-mail.ts";

export type DecisionMail = {
  eventId: number;
  organisationId: number;
  titleDe: string;
  titleEn: string | null;
  action: ReviewAction;
  /** The decision was about changes to a published event. */
  ofChanges: boolean;
  reviewer: string;
  message: string;
  reason: { textDe: string; textEn: string } | undefined;
  fields: string[];
  baseUrl: string;
};

const variant = (m: DecisionMail): "publishChange" | "rejectChange" | ReviewAction =>
  m.ofChanges && m.action === "publish" ? "publishChange" : m.ofChanges && m.action === "reject" ? "rejectChange" : m.action;

/** Queues the decision mail to every member of the organisation, each in their language (text and HTML via the generic template). */
export async function queueDecisionMails(db: DbOrTx, m: DecisionMail): Promise<number> {
  const members = await db
    .select({ email: user.email, language: user.language })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.organisationId, m.organisationId), isNull(user.deactivatedAt)));
  for (const member of members) {
    const lang: Lang = member.language === "en" ? "en" : "de";
    const t = translator(lang);
    const title = (lang === "en" && m.titleEn) || m.titleDe;
    const key = variant(m);
    const paragraphs = [t(`moderation.mail.text.${key}`, { title })];
    if (m.reason) paragraphs.push(t("moderation.mail.reason", { reason: lang === "en" ? m.reason.textEn : m.reason.textDe }));
    if (m.message) paragraphs.push(t("moderation.mail.message", { who: m.reviewer }), m.message);
    if (m.fields.length)
      paragraphs.push(t("moderation.mail.fields", { fields: m.fields.map((f) => markableFieldLabel({ t }, f)).join(", ") }));
    await queueOrganiserMail(db, {
      to: member.email,
      language: lang,
      subject: t(`moderation.mail.subject.${key}`, { title }),
      paragraphs,
      action: { label: t("moderation.mail.open"), url: mailLink(m.baseUrl, `/mein-bereich/veranstaltungen/${m.eventId}`, lang) },
    });
  }
  return members.length;
}
