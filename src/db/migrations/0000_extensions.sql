-- drizzle-kit omits extensions; they are created here by hand (STACK.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- Folds text for search on both sides: lower case, accents and umlauts removed, and the German
-- transliterations ae/oe/ue collapsed, so "Württemberg", "Wurttemberg" and "Wuerttemberg" are equal.
-- unaccent() is only STABLE; naming its dictionary makes this wrapper safe to declare IMMUTABLE,
-- which generated columns and indexes require.
CREATE OR REPLACE FUNCTION cw_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT replace(replace(replace(public.unaccent('public.unaccent'::regdictionary, lower(input)), 'ae', 'a'), 'oe', 'o'), 'ue', 'u') $$;
