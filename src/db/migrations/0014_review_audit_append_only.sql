-- The audit log is append-only (PRODUCT §8): no row is ever changed or removed.
CREATE FUNCTION cw_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER cw_audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION cw_audit_log_append_only();
--> statement-breakpoint
-- Featured events are shown on the home and state pages: writes invalidate the public cache.
SELECT cw_watch_table('featured_event');
