-- News items and press contacts are public (news and press pages, feeds, API, sitemap): writes to
-- them invalidate the public response cache. page_revision is back office only (not watched).
SELECT cw_watch_table(t::regclass) FROM unnest(ARRAY['news_item', 'press_contact']) AS t;
--> statement-breakpoint
-- Pages could not be edited before this migration: every existing row still holds the seeded
-- placeholder text, which the public pages now mark as demo text until an editor saves them.
UPDATE page SET demo = true;
