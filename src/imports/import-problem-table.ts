import Table from "cli-table3";
import type { PageCtx } from "../lib/page-context.ts";
import type { PlanBody } from "./import-plan.ts";
import { columnLabel, problemText } from "./views/import-texts.ts";

/**
 * The preview's problems as a text table for the command line (standard error): row, column as the
 * sheet names it, error or warning, and what to fix — the same texts as the preview page. Empty if none.
 */
export function problemTable(texts: Pick<PageCtx, "t" | "lang">, body: PlanBody): string {
  const table = new Table({
    head: ["Row", "Column", "", "Problem"],
    colWidths: [7, 24, 9, 64],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const p of body.sheetProblems) table.push(["", "", p.severity, problemText(texts, p)]);
  const problems = body.entries.flatMap((e) => e.problems).sort((a, b) => a.row - b.row);
  for (const p of problems) table.push([p.row, columnLabel(texts, p.column, body.headers), p.severity, problemText(texts, p)]);
  return table.length ? `${table.toString()}\n` : "";
}
