-- Reports and their photos are shown on public event pages and the retrospective: writes to them
-- invalidate the public response cache (cw_watch_table, migration 0004). report_decision is private.
SELECT cw_watch_table(t::regclass) FROM unnest(ARRAY['report', 'report_photo']) AS t;
