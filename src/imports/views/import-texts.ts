import { eventFormDe } from "../../event-form/event-form.i18n.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { importColumns } from "../import-columns.ts";
import { importsDe } from "../imports.i18n.ts";
import type { CellProblem } from "../sheet-events.ts";

type Translate = (key: string, options?: Record<string, string>) => string;
const dynamic = (ctx: Pick<PageCtx, "t">): Translate => ctx.t as unknown as Translate;

/** What to do about a problem, in the reader's language: the import's own texts, the form's checks or the form's errors. */
export function problemText(ctx: Pick<PageCtx, "t">, p: Pick<CellProblem, "code" | "params">): string {
  const t = dynamic(ctx);
  const params = p.params ?? {};
  if (p.code.startsWith("check.")) {
    const check = p.code.slice(6);
    return check in eventFormDe.checks ? t(`eventForm.checks.${check}`, params) : check;
  }
  if (p.code in importsDe.cellErrors) return t(`imports.cellErrors.${p.code}`, params);
  if (p.code in importsDe.fileErrors) return t(`imports.fileErrors.${p.code}`, params);
  return t(`eventForm.errors.${p.code in eventFormDe.errors ? p.code : "invalid"}`);
}

/** A column as the user's sheet names it, else as the template does. */
export function columnLabel(ctx: Pick<PageCtx, "t" | "lang">, key: string, headers: Record<string, string>): string {
  if (key === "_") return ctx.t("imports.wholeRow");
  const column = importColumns.find((c) => c.key === key);
  return headers[key] ?? (column ? (ctx.lang === "en" ? column.en : column.de) : key);
}
