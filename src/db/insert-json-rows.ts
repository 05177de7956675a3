import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../events/event-record.ts";
import { DB_CASING, queryRows } from "./client.ts";

const casing = new CasingCache(DB_CASING);

/**
 * Inserts many rows in one statement whose only parameter is the rows as one JSON array
 * (`jsonb_populate_recordset`), for the bulk writes of the spreadsheet import: drizzle's multi-row
 * VALUES builds one parameter per cell (40 columns × 1,000 events), which costs seconds of CPU and
 * memory; JSON.stringify and one parameter do not. Values go in as JSON (dates as ISO strings, jsonb
 * columns as their JSON, arrays as JSON arrays), as drizzle's own mapping would give them. Columns no
 * row gives keep their database default; a column only some rows give is refused when it has a
 * default (JSON would make it NULL there, where drizzle writes the default). Returns the new ids in the
 * order of the rows (the statement inserts in that order, so the sequence gives them ascending).
 */
export async function insertJsonRows<T extends PgTable & { id: unknown }>(
  db: DbOrTx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table));
  const given = columns.filter(([key]) => rows.some((r) => Reflect.get(r, key) !== undefined));
  for (const [key, column] of given)
    if (column.hasDefault && rows.some((r) => Reflect.get(r, key) === undefined))
      throw new Error(`insertJsonRows: ${getTableName(table)}.${key} is given for some rows only`);
  const names = given.map(([, column]) => casing.getColumnCasing(column));
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(given.map(([key], i) => [names[i], Reflect.get(r, key) ?? null]))));
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`insert into ${name} (${list})
        select ${list} from jsonb_populate_recordset(null::${name}, ${json}::jsonb) with ordinality as r
        order by r.ordinality
        returning id`,
  );
  if (inserted.length !== rows.length) throw new Error(`insertJsonRows: ${inserted.length} of ${rows.length} rows inserted`);
  return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
}
