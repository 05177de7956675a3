import { sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { DbOrTx } from "../events/event-record.ts";

/**
 * A table as a backup reads and restores it: insertable columns (generated ones are computed again),
 * key, and `deferred`: nullable foreign-key columns that point back along a cycle (edition ↔ event)
 * or into the table itself (event revisions) — restored as null first and set once every row is in.
 */
export type BackupTable = { name: string; columns: string[]; key: string[]; deferred: string[] };

/**
 * Every table of the public schema in an order that satisfies its foreign keys (parents first), so
 * rows restore with every constraint checked; keys closing a cycle are deferred (above).
 */
export async function listBackupTables(db: DbOrTx): Promise<BackupTable[]> {
  const tables = await queryRows<{ name: string; columns: string[]; key: string[] | null }>(
    db,
    sql`select c.relname as name,
               array(select a.attname::text from pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                     order by a.attnum) as columns,
               (select array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                             join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)
                from pg_index i where i.indrelid = c.oid and i.indisprimary) as key
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const edges = await queryRows<{ child: string; parent: string; columns: string[]; nullable: boolean }>(
    db,
    sql`select c.relname as child, p.relname as parent,
               array(select a.attname::text from unnest(f.conkey) k(attnum)
                     join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) as columns,
               not exists (select 1 from unnest(f.conkey) k(attnum)
                           join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum where a.attnotnull) as nullable
        from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where f.contype = 'f' and n.nspname = 'public' order by 1, 2, f.conname`,
  );
  const byName = new Map(tables.map((t) => [t.name, { name: t.name, columns: t.columns, key: t.key ?? [], deferred: [] as string[] }]));
  // A nullable key whose parent leads back to its table (a cycle, or the table itself) is deferred.
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    edges.some((e) => {
      if (e.child !== from || seen.has(e.parent)) return false;
      seen.add(e.parent);
      return e.parent === to || reaches(e.parent, to, seen);
    });
  const kept = edges.filter((edge) => {
    if (!edge.nullable || !reaches(edge.parent, edge.child)) return true;
    byName.get(edge.child)?.deferred.push(...edge.columns);
    return false;
  });
  const ordered: BackupTable[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    const table = byName.get(name);
    if (!table || done.has(name)) return;
    if (visiting.has(name)) throw new Error(`Cannot order the tables: a cycle of foreign keys that are not nullable through ${name}`);
    visiting.add(name);
    for (const edge of kept) if (edge.child === name) visit(edge.parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(table);
  };
  for (const t of tables) visit(t.name);
  return ordered;
}

/** The sequences of the public schema (serial columns) with their state, to be set again exactly. */
export type SequenceState = { name: string; lastValue: number; isCalled: boolean };

export async function readSequences(db: DbOrTx): Promise<SequenceState[]> {
  const names = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by 1`,
  );
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [row] = await queryRows<{ last_value: string; is_called: boolean }>(
      db,
      sql`select last_value::text, is_called from ${sql.identifier(name)}`,
    );
    if (row) states.push({ name, lastValue: Number(row.last_value), isCalled: row.is_called });
  }
  return states;
}

/** The migrations applied to the database (drizzle's journal): a backup restores only into the same schema. */
export async function readMigrationState(db: DbOrTx): Promise<{ count: number; last: string }> {
  const [row] = await queryRows<{ count: number; last: string | null }>(
    db,
    sql`select count(*)::int as count, (select hash from drizzle.__drizzle_migrations order by id desc limit 1) as last
        from drizzle.__drizzle_migrations`,
  );
  return { count: Number(row?.count ?? 0), last: row?.last ?? "" };
}
