-- Tables added since 0004 whose rows public responses show: the trade fairs (directory, API) and
-- the search lexicon (typo-tolerant search results; kept by event triggers, watched in case it is
-- ever rebuilt on its own). Writes to them invalidate the public response cache (cw_watch_table).
SELECT cw_watch_table(t::regclass) FROM unnest(ARRAY['trade_fair', 'search_lexicon']) AS t;
