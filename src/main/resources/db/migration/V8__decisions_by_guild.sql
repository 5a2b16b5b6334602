-- Every row names its guild (docs/DESIGN.md "The store and its engines"): a suggestion's decision
-- is read and forgotten by (guild_id, suggestion_id), as on PostgreSQL, without a join to suggestions.
ALTER TABLE suggestion_decisions ADD COLUMN guild_id TEXT;
UPDATE suggestion_decisions SET guild_id = (SELECT s.guild_id FROM suggestions s WHERE s.id = suggestion_decisions.suggestion_id);
