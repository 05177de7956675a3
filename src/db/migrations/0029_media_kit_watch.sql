-- The media kit is public (/presse/medienpaket and its ZIP): writes to its tables invalidate the public response cache.
SELECT cw_watch_table(t::regclass) FROM unnest(ARRAY['media_kit_file', 'media_kit']) AS t;
