CREATE TABLE "rate_limit_hit" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"reset_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
-- Every instance LISTENs on cw_data_version (cache/data-version-watch.ts) and re-reads the version
-- at once; the poll stays as the fallback. NOTIFY is delivered on commit, and identical
-- notifications of one transaction are folded into one, so a transaction sends one.
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
  PERFORM pg_notify('cw_data_version', '');
  RETURN NULL;
END
$$;
