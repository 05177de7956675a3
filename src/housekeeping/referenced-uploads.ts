import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";

/**
 * Logs that record old values: a file they mention is no longer shown anywhere, so they keep nothing
 * alive (an image replaced or a revision rejected would otherwise stay forever).
 */
const logTables = ["event_history", "audit_log"];

/**
 * The paths under /uploads/ (e.g. "ab12….webp") that any row mentions, in any text, JSON or array
 * column of any table but the logs. Scanning every column rather than a list of known ones keeps a
 * file that a newer feature refers to (a photo in a report, a PDF in a description) safe by default.
 */
export async function referencedUploads(db: Db): Promise<Set<string>> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
          and c.table_name <> all(${`{${logTables.join(",")}}`}::text[])
        order by 1, 2`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const found = new Set<string>();
  for (const [table, names] of byTable) {
    // One statement per table: its columns as one text.
    const text = sql`concat_ws(' ', ${sql.join(
      names.map((n) => sql`${sql.identifier(table)}.${sql.identifier(n)}::text`),
      sql`, `,
    )})`;
    const rows = await queryRows<{ path: string }>(
      db,
      sql`select distinct m[1] as path
          from ${sql.identifier(table)}, regexp_matches(${text}, '/uploads/([A-Za-z0-9._/-]+)', 'g') as m
          where ${text} like '%/uploads/%'`,
    );
    // "…/uploads/a.webp." at the end of a sentence names a.webp.
    for (const row of rows) found.add(row.path).add(row.path.replace(/\.+$/, ""));
  }
  return found;
}
