import type { ComponentChildren } from "preact";
import { type Actor, isNational } from "../../lib/actor.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";
import type { MyOrganisation } from "../load-dashboard.ts";
import { Notice } from "./FormParts.tsx";

export type ShellProps = {
  ctx: PageCtx;
  actor: Actor;
  title: string;
  /** The organisations of the actor and the one shown (absent on pages not about one). */
  orgs: MyOrganisation[];
  org?: MyOrganisation | undefined;
  notice?: string | null;
  children: ComponentChildren;
};

/** The links that show one organisation's pages (and so carry ?org=). */
const orgScoped = new Set([
  "/mein-bereich",
  "/mein-bereich/veranstaltungen",
  "/mein-bereich/organisation",
  "/mein-bereich/organisation/mitglieder",
  "/mein-bereich/messe",
  "/mein-bereich/import",
]);

/** "Mein Land" for a coordinator of one Land, else "Länder" (several Länder, editors, admins); nothing for organisers. */
function landLink(ctx: PageCtx, actor: Actor): [string, string, boolean] {
  const [only] = actor.stateCodes;
  if (actor.role === "coordinator" && only && actor.stateCodes.length === 1)
    return [`/mein-bereich/land/${only}`, ctx.t("coordination.navMyState"), true];
  return ["/mein-bereich/laender", ctx.t("coordination.navStates"), actor.role !== "organiser"];
}

/** The frame of every organiser page: area navigation, organisation choice, success notice, then the page. */
export function OrganiserShell({ ctx, actor, title, orgs, org, notice, children }: ShellProps) {
  const { t } = ctx;
  const q = org ? { org: org.slug } : {};
  const reviewer = actor.role === "coordinator" || actor.role === "editor" || actor.role === "admin";
  const links: [string, string, boolean][] = [
    ["/mein-bereich", t("organiser.navDashboard"), true],
    ["/mein-bereich/veranstaltungen", t("organiser.navEvents"), Boolean(org)],
    ["/mein-bereich/organisation", t("organiser.navProfile"), Boolean(org)],
    ["/mein-bereich/organisation/mitglieder", t("organiser.navMembers"), Boolean(org)],
    ["/mein-bereich/messe", t("organiser.navFair"), Boolean(org)],
    ["/mein-bereich/import", t("imports.nav"), Boolean(org) || reviewer],
    ["/mein-bereich/anfragen", t("organiser.navRequests"), reviewer],
    landLink(ctx, actor),
    ["/mein-bereich/pruefung", t("moderation.nav"), reviewer],
    ["/mein-bereich/protokoll", t("moderation.navAudit"), reviewer],
    ["/mein-bereich/seiten", t("pages.nav"), actor.role === "editor" || actor.role === "admin"],
    ["/mein-bereich/nutzer", t("users.navUsers"), isNational(actor)],
    ["/mein-bereich/organisationen", t("users.navOrganisations"), isNational(actor)],
    ["/mein-bereich/statistik", t("stats.nav"), reviewer],
    ["/mein-bereich/aktuelles", t("news.nav"), actor.role === "editor" || actor.role === "admin"],
    ["/mein-bereich/ausgaben", t("editions.nav"), isNational(actor)],
    ["/mein-bereich/taxonomien/technologiefelder", t("taxonomies.nav"), isNational(actor)],
    ["/mein-bereich/medienpaket", t("mediaKit.admin.nav"), isNational(actor)],
  ];
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <nav class="area-nav" aria-label={t("organiser.areaNav")}>
        <ul>
          {links
            .filter(([, , shown]) => shown)
            .map(([path, label]) => (
              <li key={path}>
                <a href={ctx.href(path, orgScoped.has(path) ? q : {})} aria-current={ctx.path === path ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
        </ul>
        {orgs.length > 1 && org && (
          <form method="get" action={ctx.path} class="org-choice">
            {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
            <label for="org-choice">{t("organiser.chooseOrg")}</label>{" "}
            <select id="org-choice" name="org">
              {orgs.map((o) => (
                <option key={o.slug} value={o.slug} selected={o.slug === org.slug}>
                  {o.name}
                </option>
              ))}
            </select>{" "}
            <button type="submit">{t("organiser.chooseOrgButton")}</button>
          </form>
        )}
      </nav>
      <h1>{title}</h1>
      {org && org.status !== "active" && title !== org.name && (
        <p class="muted">
          {org.name} – {t(`organiser.status.${org.status}`)}
        </p>
      )}
      <Notice text={notice ?? null} />
      {children}
    </Layout>
  );
}
