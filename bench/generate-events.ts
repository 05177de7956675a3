import pg from "pg";

/**
 * Multiplies the demo events of the newest edition in SQL until the database holds `target` events
 * there (copies keep texts, taxonomy values and sessions; slugs and external refs get a suffix).
 * Column lists come from the catalogue, so columns added later are copied too.
 */
export async function generateEvents(databaseUrl: string, target: number, log: (line: string) => void = () => {}): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    const edition = await client.query<{ id: number }>("select id from edition order by year desc limit 1");
    const editionId = edition.rows[0]?.id;
    if (editionId === undefined) throw new Error("no edition: seed the demo data first");
    const count = async () =>
      Number((await client.query<{ n: string }>("select count(*) as n from event where edition_id = $1", [editionId])).rows[0]?.n);
    const existing = await count();
    const originals = "edition_id = $1 and (external_ref is null or external_ref not like 'bench:%')";
    const sources = Number(
      (await client.query<{ n: string }>(`select count(*) as n from event where ${originals}`, [editionId])).rows[0]?.n,
    );
    const missing = target - existing;
    if (missing <= 0 || sources === 0) return existing;

    const columns = await client.query<{ name: string }>(
      `select column_name as name from information_schema.columns
       where table_schema = 'public' and table_name = 'event' and is_generated = 'NEVER'
         and column_name not in ('id', 'slug', 'external_ref') order by ordinal_position`,
    );
    const list = columns.rows.map((c) => `"${c.name}"`).join(", ");
    const batch = 20_000;
    for (let done = 0; done < missing; done += batch) {
      const from = existing + done + 1;
      const to = existing + Math.min(done + batch, missing);
      // Number g copies original (g - 1) mod sources; the external ref records source and number.
      await client.query("begin");
      await client.query(
        `with source as (select e.*, row_number() over (order by id) - 1 as k from event e where ${originals}),
         numbered as (select source.*, g from generate_series($2::int, $3::int) g join source on source.k = (g - 1) % $4)
         insert into event (${list}, slug, external_ref)
         select ${list}, slug || '-b' || g, 'bench:' || id || ':' || g from numbered`,
        [editionId, from, to, sources],
      );
      await client.query(
        `insert into event_session (event_id, starts_at, ends_at, all_day)
         select e.id, s.starts_at, s.ends_at, s.all_day from event e
         join event_session s on s.event_id = split_part(e.external_ref, ':', 2)::int
         where e.edition_id = $1 and e.external_ref like 'bench:%' and not exists (select from event_session x where x.event_id = e.id)`,
        [editionId],
      );
      await client.query("commit");
      log(`  ${to} events (${Math.round((performance.now() - started) / 1000)} s)`);
    }
    await client.query("analyze");
    return await count();
  } finally {
    await client.end();
  }
}
