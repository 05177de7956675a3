-- The lexicon only gains words (0010 dropped the counts): counting made every event write update
-- dozens of lexicon rows, and PGlite, without autovacuum, kept every dead version. A word whose
-- events are all gone stays; it can only add a lexeme to a search that then matches nothing more.
DROP TRIGGER IF EXISTS event_search_lexicon_delete ON event;
--> statement-breakpoint
DROP TRIGGER IF EXISTS event_search_lexicon_update ON event;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cw_search_lexicon_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Only rows whose words or visibility changed can bring new words.
    INSERT INTO search_lexicon (word)
    SELECT DISTINCT w FROM new_rows n, cw_lexicon_words(n.search_words) w
    WHERE n.status IN ('published', 'cancelled')
      AND NOT EXISTS (
        SELECT FROM old_rows o
        WHERE o.id = n.id AND o.search_words = n.search_words AND o.status IN ('published', 'cancelled'))
    ORDER BY w
    ON CONFLICT (word) DO NOTHING;
  ELSE
    INSERT INTO search_lexicon (word)
    SELECT DISTINCT w FROM new_rows n, cw_lexicon_words(n.search_words) w
    WHERE n.status IN ('published', 'cancelled')
    ORDER BY w
    ON CONFLICT (word) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_search_lexicon_update AFTER UPDATE ON event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cw_search_lexicon_sync();
--> statement-breakpoint
-- As in 0008, candidates now ordered by likeness alone.
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
          ORDER BY greatest(similarity(folded, l.word), word_similarity(folded, l.word)) DESC, l.word
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
