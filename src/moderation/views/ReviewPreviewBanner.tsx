import type { PageCtx } from "../../lib/page-context.ts";

/** The banner above a reviewer's preview of the event under review. */
export function ReviewPreviewBanner({ ctx, id }: { ctx: PageCtx; id: number }) {
  return (
    <div class="banner banner-preview" role="note">
      <p>
        <strong>{ctx.t("moderation.previewBanner")}</strong>{" "}
        <a href={ctx.href(`/mein-bereich/pruefung/${id}`)} target="_top">
          {ctx.t("moderation.backToReview")}
        </a>
      </p>
    </div>
  );
}
