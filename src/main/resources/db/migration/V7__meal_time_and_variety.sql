-- eatbot schema, version 7: the two settings of /eat plan.

-- when the server eats (local time, HH:MM): a plan checks opening hours then
ALTER TABLE guilds ADD COLUMN meal_time TEXT NOT NULL DEFAULT '12:00';
-- weight of the variety penalty in a plan, 0 (liking only) to 1; see GuildSettings.DEFAULT_VARIETY
ALTER TABLE guilds ADD COLUMN variety REAL NOT NULL DEFAULT 0.5 CHECK (variety BETWEEN 0 AND 1);
