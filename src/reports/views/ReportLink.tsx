import { tr } from "../../event-form/views/form-kit.tsx";
import type { PageCtx } from "../../lib/page-context.ts";
import { reportBlockOf } from "../report-access.ts";

type Item = { id: number; status: string; endsAt: Date; reportStatus: string | null };

/** " · Bericht (Entwurf)" in the organiser's event list, for published events that are over; nothing otherwise. */
export function ReportLink({ ctx, item, now = new Date() }: { ctx: PageCtx; item: Item; now?: Date }) {
  if (reportBlockOf({ status: item.status === "published" ? "published" : "draft", endsAt: item.endsAt }, now)) return null;
  return (
    <>
      {" · "}
      <a href={ctx.href(`/mein-bereich/veranstaltungen/${item.id}/bericht`)} class="report-link">
        {item.reportStatus ? ctx.t("reports.link") : ctx.t("reports.linkAction")}
      </a>
      {item.reportStatus && ` (${tr(ctx, `reports.status.${item.reportStatus}`)})`}
    </>
  );
}
