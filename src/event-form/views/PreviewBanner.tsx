import type { PublicEvent } from "../../events/get-public-event.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { tr } from "./form-kit.tsx";

/** The banner above an organiser's preview of their event. */
export function PreviewBanner({ ctx, e }: { ctx: PageCtx; e: PublicEvent }) {
  return (
    <div class="banner banner-preview" role="note">
      <p>
        <strong>{ctx.t("eventForm.previewBanner", { status: tr(ctx, `eventForm.status.${e.event.status}`) })}</strong>{" "}
        <a href={ctx.href(`/mein-bereich/veranstaltungen/${e.event.id}`)}>{ctx.t("eventForm.backToForm")}</a>
      </p>
    </div>
  );
}
