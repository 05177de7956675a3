-- pg_trgm's functions are priced like '=', so on a lexicon of a few thousand words the planner
-- compares every word (2-14 ms) instead of asking the trigram index (0.1-0.3 ms). Inside the
-- lookup only, make per-row work look as dear as it is and rule out the sequential scan.
ALTER FUNCTION cw_search_query(text[]) SET enable_seqscan = off;
--> statement-breakpoint
ALTER FUNCTION cw_search_query(text[]) SET cpu_operator_cost = 0.1;
