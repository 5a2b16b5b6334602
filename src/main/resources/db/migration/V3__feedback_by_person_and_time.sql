-- eatbot schema, version 3: a person's feedback in time order.
-- feedback_user was (guild_id, user_id, step); nothing reads it in step order. With created_at
-- the cooldown's "these members' 👍 since the cut-off" is one short range per member instead of
-- a walk over the whole guild's recent feedback, and the privacy export reads one person's rows.
-- Same number of indexes, so a reaction's insert costs the same.
DROP INDEX feedback_user;
CREATE INDEX feedback_user ON feedback (guild_id, user_id, created_at);
