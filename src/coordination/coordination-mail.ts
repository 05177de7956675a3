import { formatDay } from "../lib/format-date.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { mailLink, type OrganiserMail } from "../organiser/organiser-mail.ts";
import type { CoordinatedState } from "./coordination-access.ts";

type Recipient = { email: string; language: string };
const langOf = (language: string): Lang => (language === "en" ? "en" : "de");
const nameOf = (land: CoordinatedState, lang: Lang) => (lang === "en" ? land.nameEn : land.nameDe);

/** A coordinator's invitation: who invites whom, the optional message, how to register, the prefilled request form. */
export function organisationInvitationMail(
  to: Recipient,
  data: { name: string; message: string | null; inviter: string; land: CoordinatedState; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  const state = nameOf(data.land, lang);
  const form = `/mein-bereich/organisation/neu?${new URLSearchParams({ stateCode: data.land.code, name: data.name })}`;
  return {
    to: to.email,
    language: lang,
    subject: t("coordination.mail.inviteSubject", { name: data.name }),
    paragraphs: [
      t("coordination.mail.inviteIntro", { inviter: data.inviter, state, name: data.name }),
      ...(data.message ? [t("coordination.mail.inviteMessage", { message: data.message })] : []),
      t("coordination.mail.inviteHow", { state, registerUrl: mailLink(data.baseUrl, "/registrieren", lang) }),
    ],
    action: { label: t("coordination.mail.inviteAction"), url: mailLink(data.baseUrl, form, lang) },
  };
}

/** To a member of an organisation that took part last edition and has not submitted for this one yet. */
export function submissionReminderMail(
  to: Recipient,
  data: { name: string; year: number; lastYear: number; who: string; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  return {
    to: to.email,
    language: lang,
    subject: t("coordination.mail.remindSubject", { name: data.name, year: data.year }),
    paragraphs: [
      t("coordination.mail.remindText", { name: data.name, year: data.year, lastYear: data.lastYear }),
      t("coordination.mail.remindFrom", { who: data.who }),
    ],
    action: { label: t("coordination.mail.remindAction"), url: mailLink(data.baseUrl, "/mein-bereich/veranstaltungen/neu", lang) },
  };
}

/** One waiting submission as a digest or reminder line. */
export type WaitingEvent = { id: number; title: string; organisation: string; stateCode: string; submittedAt: Date; change: boolean };

const lineOf = (
  lang: Lang,
  key: "digestLine" | "digestApprovedLine" | "overdueLine",
  e: WaitingEvent,
  stateName: (code: string) => string,
) => {
  const t = translator(lang);
  const title = e.change ? `${e.title} (${t("coordination.mail.digestChange")})` : e.title;
  return `– ${t(`coordination.mail.${key}`, { title, organisation: e.organisation, state: stateName(e.stateCode), when: formatDay(lang, e.submittedAt) })}`;
};

/** The daily digest: submissions since the last one in the recipient's Länder, and (editors) approved events to publish. */
export function reviewDigestMail(
  to: Recipient,
  data: {
    events: WaitingEvent[];
    approved?: WaitingEvent[];
    states: string;
    stateName: (code: string, lang: Lang) => string;
    baseUrl: string;
  },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  const approved = data.approved ?? [];
  const name = (c: string) => data.stateName(c, lang);
  const subject =
    approved.length === 0
      ? t("coordination.mail.digestSubject", { count: data.events.length })
      : data.events.length === 0
        ? t("coordination.mail.digestApprovedSubject", { count: approved.length })
        : t("coordination.mail.digestBothSubject", { count: data.events.length, approved: approved.length });
  return {
    to: to.email,
    language: lang,
    subject,
    paragraphs: [
      ...(data.events.length > 0
        ? [t("coordination.mail.digestIntro", { states: data.states }), ...data.events.map((e) => lineOf(lang, "digestLine", e, name))]
        : []),
      ...(approved.length > 0
        ? [t("coordination.mail.digestApprovedIntro"), ...approved.map((e) => lineOf(lang, "digestApprovedLine", e, name))]
        : []),
      t("coordination.mail.digestOptOut"),
    ],
    action: { label: t("coordination.mail.digestAction"), url: mailLink(data.baseUrl, "/mein-bereich/pruefung", lang) },
  };
}

/** The reminder: submissions that have waited longer than the edition's review target. */
export function overdueReviewMail(
  to: Recipient,
  data: { events: WaitingEvent[]; days: number; stateName: (code: string, lang: Lang) => string; baseUrl: string },
): OrganiserMail {
  const lang = langOf(to.language);
  const t = translator(lang);
  return {
    to: to.email,
    language: lang,
    subject: t("coordination.mail.overdueSubject", { count: data.events.length, days: data.days }),
    paragraphs: [
      t("coordination.mail.overdueIntro", { days: data.days }),
      ...data.events.map((e) => lineOf(lang, "overdueLine", e, (c) => data.stateName(c, lang))),
    ],
    action: { label: t("coordination.mail.digestAction"), url: mailLink(data.baseUrl, "/mein-bereich/pruefung", lang) },
  };
}
