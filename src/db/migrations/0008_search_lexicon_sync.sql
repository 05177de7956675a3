-- The search lexicon (0007): the distinct folded words of public events, kept current by
-- statement-level triggers on event, so every write path (seeds, forms, imports, SQL) maintains it.
-- Words come from search_words (title, summary, organiser, venue, city, format) through the
-- 'simple' parser; hyphenated compounds are left out (their parts are in).
CREATE OR REPLACE FUNCTION cw_lexicon_words(input text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, input))) w WHERE length(w) >= 3 AND position('-' in w) = 0 $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cw_search_lexicon_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected text[];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    WITH gone AS (
      SELECT w, count(*)::int AS n FROM old_rows o, cw_lexicon_words(o.search_words) w
      WHERE o.status IN ('published', 'cancelled') GROUP BY w
    ), changed AS (
      UPDATE search_lexicon l SET documents = l.documents - gone.n FROM gone WHERE l.word = gone.w RETURNING l.word
    )
    SELECT array_agg(word) INTO affected FROM changed;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO search_lexicon (word, documents)
    SELECT w, count(*) FROM new_rows n, cw_lexicon_words(n.search_words) w
    WHERE n.status IN ('published', 'cancelled') GROUP BY w ORDER BY w
    ON CONFLICT (word) DO UPDATE SET documents = search_lexicon.documents + excluded.documents;
  END IF;
  IF affected IS NOT NULL THEN
    DELETE FROM search_lexicon WHERE word = ANY (affected) AND documents <= 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_search_lexicon_insert AFTER INSERT ON event
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cw_search_lexicon_sync();
--> statement-breakpoint
CREATE TRIGGER event_search_lexicon_update AFTER UPDATE ON event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cw_search_lexicon_sync();
--> statement-breakpoint
CREATE TRIGGER event_search_lexicon_delete AFTER DELETE ON event
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cw_search_lexicon_sync();
--> statement-breakpoint
INSERT INTO search_lexicon (word, documents)
SELECT w, count(*) FROM event e, cw_lexicon_words(e.search_words) w
WHERE e.status IN ('published', 'cancelled') GROUP BY w
ON CONFLICT (word) DO NOTHING;
--> statement-breakpoint
-- The full-text query of a search text's words, ANDed: per word its German stem OR (4+ letters)
-- the stems of up to 30 lexicon words like it (a typo: trigram similarity >= 0.5; a compound
-- containing it: word similarity >= 0.6). Stop words are left out; when nothing is left, the
-- query matches every document (the NOT of a lexeme no document has), as before.
-- Called once per statement as an uncorrelated subquery, so rows are found by the GIN index.
CREATE OR REPLACE FUNCTION cw_search_query(words text[]) RETURNS tsquery
  LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT AS $$
DECLARE
  word text;
  folded text;
  part tsquery;
  lexeme text;
  result tsquery;
BEGIN
  FOREACH word IN ARRAY words LOOP
    folded := cw_fold(word);
    part := plainto_tsquery('german', folded);
    CONTINUE WHEN numnode(part) = 0;
    IF length(folded) BETWEEN 4 AND 40 THEN
      FOR lexeme IN
        SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('german', string_agg(c.word, ' ')))) FROM (
          SELECT l.word FROM search_lexicon l
          WHERE (folded % l.word AND similarity(folded, l.word) >= 0.5) OR folded <% l.word
          ORDER BY greatest(similarity(folded, l.word), word_similarity(folded, l.word)) DESC, l.documents DESC, l.word
          LIMIT 30
        ) c
      LOOP
        CONTINUE WHEN part @> plainto_tsquery('simple', lexeme);
        part := part || plainto_tsquery('simple', lexeme);
      END LOOP;
    END IF;
    result := CASE WHEN result IS NULL THEN part ELSE result && part END;
  END LOOP;
  RETURN coalesce(result, '!cw_all'::tsquery);
END $$;
