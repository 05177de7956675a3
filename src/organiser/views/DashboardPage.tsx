import { formatDay } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { ReviewerMessages } from "../../moderation/views/OrganiserStanding.tsx";
import type { loadDashboard } from "../load-dashboard.ts";
import type { PageBase } from "../organiser-page-kit.ts";
import { OrganiserShell } from "./OrganiserShell.tsx";
import { windowText } from "./window-text.ts";

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

/** /mein-bereich for a user without an organisation: accept an invitation or request a new organisation. */
export function JoinPage({ base, notice }: { base: PageBase; notice: string | null }) {
  const { ctx, actor } = base;
  const { t } = ctx;
  const reviewer = actor.role !== "organiser";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.dashboard.noOrgTitle")} orgs={[]} notice={notice}>
      {reviewer && (
        <p>
          <a href={ctx.href("/mein-bereich/anfragen")}>{t("organiser.dashboard.reviewerHint")}</a>
        </p>
      )}
      <p>{t("organiser.dashboard.noOrgIntro")}</p>
      <div class="card-grid join-ways">
        <section aria-labelledby="join-invited">
          <h2 id="join-invited">{t("organiser.dashboard.invitedTitle")}</h2>
          <p>{t("organiser.dashboard.invitedText")}</p>
        </section>
        <section aria-labelledby="join-request">
          <h2 id="join-request">{t("organiser.dashboard.requestTitle")}</h2>
          <p>{t("organiser.dashboard.requestText")}</p>
          <p>
            <a class="button" href={ctx.href("/mein-bereich/organisation/neu")}>
              {t("organiser.dashboard.requestButton")}
            </a>
          </p>
        </section>
      </div>
    </OrganiserShell>
  );
}

function WindowNote({ ctx, d }: { ctx: PageCtx; d: Dashboard }) {
  const w = d.window;
  if (!w) return null;
  return <p class={`notice submission-window window-${w.state}`}>{windowText(ctx, w)}</p>;
}

/** The organisation's overview: its state, the submission window, its events by status, booths and invitations. */
export function DashboardPage({ base, d, notice }: { base: PageBase; d: Dashboard; notice: string | null }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const q = { org: d.org.slug };
  const canCreate = d.window !== null && d.window.state !== "closed";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={d.org.name} orgs={orgs} org={org} notice={notice}>
      {d.org.status === "pending" && <p class="notice org-pending">{t("organiser.dashboard.pending")}</p>}
      {d.org.status === "declined" && (
        <div class="notice notice-error org-declined">
          <p>{t("organiser.dashboard.declined")}</p>
          {d.org.decisionNote && <p>{t("organiser.dashboard.declinedNote", { note: d.org.decisionNote })}</p>}
          <p>
            <a href={ctx.href("/mein-bereich/organisation/neu")}>{t("organiser.dashboard.requestButton")}</a>
          </p>
        </div>
      )}
      {!d.edition ? (
        <p>{t("organiser.dashboard.noEdition")}</p>
      ) : (
        <section aria-labelledby="events-title">
          <h2 id="events-title">{t("organiser.dashboard.eventsTitle", { year: d.edition.year })}</h2>
          <WindowNote ctx={ctx} d={d} />
          {canCreate && (
            <p>
              <a class="button new-event" href={ctx.href("/mein-bereich/veranstaltungen/neu", q)}>
                {t("organiser.dashboard.newEvent")}
              </a>
            </p>
          )}
          {d.groups.every((g) => g.events.length === 0) && <p>{t("organiser.dashboard.noEvents")}</p>}
          {d.groups
            .filter((g) => g.events.length > 0)
            .map((g) => (
              <section key={g.status} class={`status-group status-${g.status}`} aria-labelledby={`status-${g.status}`}>
                <h3 id={`status-${g.status}`}>
                  {t(`organiser.eventStatus.${g.status}`)} ({g.events.length})
                </h3>
                <ul class="plain dashboard-events">
                  {g.events.map((e) => (
                    <li key={e.id} class="dashboard-event">
                      <a href={ctx.href(`/mein-bereich/veranstaltungen/${e.id}`, q)}>{e.titleDe}</a>{" "}
                      <span class="muted">{formatDay(lang, e.startsAt)}</span>
                      {e.missing.length === 0 ? (
                        <span class="tag missing-none"> {t("organiser.dashboard.complete")}</span>
                      ) : (
                        <p class="missing">
                          {t("organiser.dashboard.missing")}{" "}
                          {e.missing
                            .map((m) =>
                              m === "warnings"
                                ? t("organiser.dashboard.warnings", { count: e.warnings })
                                : t(`organiser.dashboard.missingItems.${m}`),
                            )
                            .join(", ")}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </section>
      )}
      <ReviewerMessages ctx={ctx} messages={d.messages} q={q} />
      <section aria-labelledby="fair-title">
        <h2 id="fair-title">{t("organiser.dashboard.fairTitle")}</h2>
        {d.presences.length === 0 ? (
          <p>{t("organiser.dashboard.fairNone")}</p>
        ) : (
          <ul class="plain">
            {d.presences.map((p) => (
              <li key={p.id}>
                {p.fair}, {p.hall}, {t("organiser.fair.booth")} {p.booth}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={ctx.href("/mein-bereich/messe", q)}>{t("organiser.dashboard.fairManage")}</a>
        </p>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t("organiser.dashboard.invitationsTitle")}</h2>
        <p>{t("organiser.dashboard.invitations", { count: d.invitations.length })}</p>
        <p>
          <a href={ctx.href("/mein-bereich/organisation/mitglieder", q)}>{t("organiser.dashboard.membersManage")}</a>
        </p>
      </section>
    </OrganiserShell>
  );
}
