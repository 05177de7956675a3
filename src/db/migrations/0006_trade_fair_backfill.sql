-- Fairs of existing editions, derived from their booths: the first and last day any booth lists.
-- (Fresh databases get their fairs from the demo seed; this only fills databases seeded before.)
INSERT INTO "trade_fair" ("edition_id", "name", "starts_on", "ends_on")
SELECT p."edition_id", p."fair", min(d.day), max(d.day)
FROM "trade_fair_presence" p CROSS JOIN LATERAL unnest(p."days") AS d(day)
GROUP BY p."edition_id", p."fair"
ON CONFLICT ("edition_id", "name") DO NOTHING;
