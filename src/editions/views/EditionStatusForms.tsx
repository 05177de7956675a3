import type { PageCtx } from "../../lib/page-context.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { Edition } from "../edition-queries.ts";
import { statusTransitions } from "../edition-rules.ts";
import { editionsPath } from "./edition-paths.ts";

/** The edition's status, what it allows, and one button per status it may move to (plain POST forms). */
export function EditionStatusForms({ ctx, edition, csrf }: { ctx: PageCtx; edition: Edition; csrf: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="status-title" class="edition-status">
      <h2 id="status-title">{t("editions.statusTitle")}</h2>
      <p>
        <strong>{t("editions.statusNow", { status: t(`editions.status.${edition.status}`) })}</strong>
      </p>
      <p>{t(`editions.statusHelp.${edition.status}`)}</p>
      <ul class="plain">
        {statusTransitions[edition.status].map((to) => (
          <li key={to}>
            <form method="post" action={ctx.href(`${editionsPath}/${edition.year}/status`)} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="status" value={to} />
              <input type="hidden" name="version" value={String(edition.version)} />
              <button type="submit">{t(`editions.statusTo.${to}`)}</button> <span class="muted">{t(`editions.statusHelp.${to}`)}</span>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
