-- Public responses are cached in every app instance; they poll data_version to notice changes.
-- Statement-level triggers bump it on every write to a table whose data public pages, the API or
-- the feeds show. The bump runs inside the writing transaction, so the new version becomes visible
-- exactly when the data does (never before it: no instance re-caches old data under a new version).
-- changed_at (the Last-Modified of public responses) moves once per transaction and at least one
-- second past the previous value, so HTTP dates (whole seconds) of two versions never coincide.
INSERT INTO data_version (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cw_bump_data_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE data_version SET
    version = version + 1,
    changed_at = CASE WHEN changed_txid = txid_current() THEN changed_at
                      ELSE greatest(now(), changed_at + interval '1 second') END,
    changed_txid = txid_current()
  WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A table added later whose rows appear publicly needs `SELECT cw_watch_table('its_name');` in a
-- custom migration (src/cache/public-tables.test.ts fails until every table is classified).
CREATE OR REPLACE FUNCTION cw_watch_table(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS cw_data_version ON %s', target);
  EXECUTE format(
    'CREATE TRIGGER cw_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s '
    'FOR EACH STATEMENT EXECUTE FUNCTION cw_bump_data_version()', target);
END
$$;
--> statement-breakpoint
SELECT cw_watch_table(t::regclass) FROM unnest(ARRAY[
  'edition', 'event', 'event_session', 'organisation', 'venue', 'state', 'format', 'attendance_mode',
  'topic', 'target_group', 'trade_fair_presence', 'page', 'state_intro'
]) AS t;
