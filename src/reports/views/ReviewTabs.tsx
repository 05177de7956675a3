import type { PageCtx } from "../../lib/page-context.ts";

/** The review queue's two tabs: events and reports (PRODUCT §7: reports are reviewed in the same queue). */
export function ReviewTabs({
  ctx,
  current,
  reportsWaiting,
}: {
  ctx: PageCtx;
  current: "events" | "reports";
  reportsWaiting?: number | undefined;
}) {
  const { t } = ctx;
  return (
    <nav aria-label={t("moderation.queueTitle")}>
      <ul class="review-tabs">
        <li>
          <a href={ctx.href("/mein-bereich/pruefung")} aria-current={current === "events" ? "page" : undefined}>
            {t("reports.review.eventsTab")}
          </a>
        </li>
        <li>
          <a href={ctx.href("/mein-bereich/pruefung/berichte")} aria-current={current === "reports" ? "page" : undefined}>
            {t("reports.review.tab")}
            {reportsWaiting !== undefined && <span class="count"> ({reportsWaiting})</span>}
          </a>
        </li>
      </ul>
    </nav>
  );
}
