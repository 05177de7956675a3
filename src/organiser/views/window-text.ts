import { formatDay } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { SubmissionWindow } from "../current-edition.ts";

/** What the submission window means now, in one sentence: the organiser dashboard and /mitmachen say the same. */
export function windowText({ t, lang }: Pick<PageCtx, "t" | "lang">, w: SubmissionWindow): string {
  const when = (date: Date | null) => (date ? formatDay(lang, date) : "");
  if (w.byStatus) return t(w.state === "before" ? "organiser.dashboard.windowNotOpenYet" : "organiser.dashboard.windowClosedStatus");
  if (w.state === "before") return t("organiser.dashboard.windowBefore", { opens: when(w.opensAt) });
  if (w.state === "closed") return t("organiser.dashboard.windowClosed", { closes: when(w.closesAt) });
  if (w.state === "open")
    return w.closesAt ? t("organiser.dashboard.windowOpen", { closes: when(w.closesAt) }) : t("organiser.dashboard.windowOpenNoEnd");
  return t("organiser.dashboard.windowUnset");
}
