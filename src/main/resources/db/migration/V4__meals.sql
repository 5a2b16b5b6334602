-- eatbot schema, version 4: meals. A 👍 is taste; going somewhere is a decision.
-- A meal is a suggestion someone it was made for decided on ("We're going", /eat go): its place
-- and people are the suggestion's, its time is when it was decided. Like feedback, a log:
-- undoing a decision stamps undone_at instead of deleting, so history and exports keep it.
CREATE TABLE meals (
    id            INTEGER PRIMARY KEY,
    guild_id      TEXT NOT NULL REFERENCES guilds (id),
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    decided_by    TEXT NOT NULL,
    decided_at    TEXT NOT NULL,
    undone_at     TEXT
);
-- one standing decision per suggestion
CREATE UNIQUE INDEX meals_active ON meals (guild_id, suggestion_id) WHERE undone_at IS NULL;
-- the cooldown (and week planning) read a guild's meals since a time
CREATE INDEX meals_recent ON meals (guild_id, decided_at);
