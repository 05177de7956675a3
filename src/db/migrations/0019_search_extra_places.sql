-- The search text of existing events gains the Land's German and English names (searchExtraOf in
-- src/events/event-record.ts, as it stood when this was written); the venue city was already there.
-- search_vector and search_words are generated from it, the lexicon triggers pick up the new words.
UPDATE "event" e SET "search_extra" = (
  SELECT concat_ws(' ', nullif(o."name", ''), nullif(o."short_name", ''), nullif(v."name", ''), nullif(v."city", ''),
    s."name_de", nullif(s."name_en", s."name_de"), nullif(f."name_de", ''), nullif(f."name_en", ''))
  FROM "organisation" o
  LEFT JOIN "venue" v ON v."id" = e."venue_id"
  LEFT JOIN "format" f ON f."code" = e."format_code"
  LEFT JOIN "state" s ON s."code" = e."state_code" AND s."kind" = 'land'
  WHERE o."id" = e."organisation_id"
);
