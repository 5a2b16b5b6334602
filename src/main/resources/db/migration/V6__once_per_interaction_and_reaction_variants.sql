-- eatbot schema, version 6: nothing doubled or lost at the edges.

-- A suggestion is made once per Discord interaction: a duplicated delivery, or two processes
-- overlapping during a deploy, find the row the first one wrote. NULL (the console) never clashes.
ALTER TABLE suggestions ADD COLUMN interaction_id TEXT;
CREATE UNIQUE INDEX suggestions_interaction ON suggestions (guild_id, interaction_id) WHERE interaction_id IS NOT NULL;

-- Which reactions of a person stand behind their active 👍 or 👎 on a suggestion: each emoji
-- variant (👍, 👍🏽, a super 👍) is its own row, so removing one leaves the reward counted while
-- another remains. The feedback log still holds one event per person and reward: the reward
-- counts once, and preferences are still rebuilt from the log alone.
CREATE TABLE reaction_variants (
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    user_id       TEXT NOT NULL,
    reward        INTEGER NOT NULL CHECK (reward IN (0, 1)),
    variant       TEXT NOT NULL,
    guild_id      TEXT NOT NULL,
    PRIMARY KEY (suggestion_id, user_id, reward, variant)
) WITHOUT ROWID;
CREATE INDEX reaction_variants_user ON reaction_variants (guild_id, user_id);
