-- Every row names its guild (docs/DESIGN.md "The store and its engines"): a suggestion's decision
-- is read and forgotten by (guild_id, suggestion_id), as on PostgreSQL, without a join to suggestions.
ALTER TABLE suggestion_decisions ADD COLUMN guild_id TEXT;
UPDATE suggestion_decisions SET guild_id = (SELECT s.guild_id FROM suggestions s WHERE s.id = suggestion_decisions.suggestion_id);

-- Instants were Instant.toString(): "…12:00:00Z" for a whole second sorts after "…12:00:00.5Z" as text,
-- so ranges were read a second early and filtered in Java. From now on every instant is written with
-- nine fraction digits (store/Sql.at), where the text's order is time's; the old rows are rewritten so.
UPDATE guilds SET created_at = substr(created_at, 1, 19) || '.' || substr((CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE created_at IS NOT NULL AND length(created_at) <> 30;
UPDATE options SET created_at = substr(created_at, 1, 19) || '.' || substr((CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE created_at IS NOT NULL AND length(created_at) <> 30;
UPDATE suggestions SET created_at = substr(created_at, 1, 19) || '.' || substr((CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE created_at IS NOT NULL AND length(created_at) <> 30;
UPDATE feedback SET created_at = substr(created_at, 1, 19) || '.' || substr((CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE created_at IS NOT NULL AND length(created_at) <> 30;
UPDATE feedback SET retracted_at = substr(retracted_at, 1, 19) || '.' || substr((CASE WHEN substr(retracted_at, 20, 1) = '.' THEN substr(retracted_at, 21, length(retracted_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE retracted_at IS NOT NULL AND length(retracted_at) <> 30;
UPDATE vetoes SET created_at = substr(created_at, 1, 19) || '.' || substr((CASE WHEN substr(created_at, 20, 1) = '.' THEN substr(created_at, 21, length(created_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE created_at IS NOT NULL AND length(created_at) <> 30;
UPDATE meals SET decided_at = substr(decided_at, 1, 19) || '.' || substr((CASE WHEN substr(decided_at, 20, 1) = '.' THEN substr(decided_at, 21, length(decided_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE decided_at IS NOT NULL AND length(decided_at) <> 30;
UPDATE meals SET undone_at = substr(undone_at, 1, 19) || '.' || substr((CASE WHEN substr(undone_at, 20, 1) = '.' THEN substr(undone_at, 21, length(undone_at) - 21) ELSE '' END) || '000000000', 1, 9) || 'Z' WHERE undone_at IS NOT NULL AND length(undone_at) <> 30;

-- Who was in a suggestion, one row each (the members column keeps the order shown): "was this person
-- in it" (privacy export, forget) is an index lookup by (guild_id, user_id) in both engines, not a
-- string search through every suggestion of the guild.
CREATE TABLE suggestion_members (
    guild_id      TEXT NOT NULL,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    position      INTEGER NOT NULL,
    user_id       TEXT NOT NULL,
    PRIMARY KEY (guild_id, suggestion_id, position)
) WITHOUT ROWID;
CREATE INDEX suggestion_members_user ON suggestion_members (guild_id, user_id);
WITH RECURSIVE split (guild_id, suggestion_id, position, user_id, rest) AS (
    SELECT guild_id, id, 0, NULL, members || ',' FROM suggestions
    UNION ALL
    SELECT guild_id, suggestion_id, position + 1, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1)
    FROM split WHERE rest <> ''
)
INSERT INTO suggestion_members (guild_id, suggestion_id, position, user_id)
SELECT guild_id, suggestion_id, position, user_id FROM split WHERE user_id IS NOT NULL AND user_id <> '';
