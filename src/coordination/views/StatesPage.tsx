import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import type { CoordinatedState } from "../coordination-access.ts";
import { landName } from "./CoordinationShell.tsx";

/** /mein-bereich/laender: the Länder the actor coordinates (all for editors), and the home page's featured events. */
export function StatesPage({ base, lands }: { base: PageBase; lands: CoordinatedState[] }) {
  const { ctx, actor } = base;
  const { t } = ctx;
  const national = actor.role === "editor" || actor.role === "admin";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("coordination.statesTitle")} orgs={base.orgs} org={base.org}>
      <p>{t("coordination.statesIntro")}</p>
      <ul class="state-links">
        {lands.map((land) => (
          <li key={land.code}>
            <a href={ctx.href(`/mein-bereich/land/${land.code}`)}>{landName(ctx, land)}</a>
          </li>
        ))}
      </ul>
      {national && (
        <p>
          <a href={ctx.href("/mein-bereich/startseite/hervorgehoben")}>{t("coordination.homeFeatured")}</a>
        </p>
      )}
    </OrganiserShell>
  );
}
