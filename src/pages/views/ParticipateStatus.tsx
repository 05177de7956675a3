import type { Edition } from "../../editions/edition-queries.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { submissionWindow } from "../../organiser/current-edition.ts";
import { windowText } from "../../organiser/views/window-text.ts";

/**
 * On /mitmachen, below the editors' text: whether online entry is possible now, from the current
 * edition's status and submission window (the one rule, editions/edition-rules.ts), with the links to
 * take part. The texts are the organiser dashboard's, so both say the same.
 */
export function ParticipateStatus({ ctx, edition, now }: { ctx: PageCtx; edition: Edition | undefined; now: Date }) {
  const { t, lang } = ctx;
  if (!edition) return <p class="notice participate-status">{t("pages.participateNone")}</p>;
  const w = submissionWindow(edition, now);
  const text = windowText(ctx, w);
  const canEnter = w.state !== "closed";
  return (
    <section class={`participate-status window-${w.state}`} aria-labelledby="participate-status">
      <h2 id="participate-status">{t("pages.participateTitle", { edition: pick(lang, edition.titleDe, edition.titleEn) })}</h2>
      <p class="notice">{text}</p>
      {canEnter ? (
        <>
          <p>{t("pages.participateSteps")}</p>
          <ul class="participate-links">
            <li>
              <a href={ctx.href("/registrieren")}>{t("pages.participateRegister")}</a>
            </li>
            <li>
              <a href={ctx.href("/anmelden")}>{t("pages.participateLogin")}</a>
            </li>
            <li>
              <a class="button" href={ctx.href("/mein-bereich/veranstaltungen/neu")}>
                {t("pages.participateNewEvent")}
              </a>
            </li>
          </ul>
        </>
      ) : (
        <p>{t("pages.participateClosedHint")}</p>
      )}
    </section>
  );
}
