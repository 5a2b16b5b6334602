-- eatbot schema, version 2: standing vetoes, and the index the cooldown reads.

-- "never suggest this": a place or a tag, for one person or (user_id = '') the whole server
CREATE TABLE vetoes (
    id         INTEGER PRIMARY KEY,
    guild_id   TEXT NOT NULL REFERENCES guilds (id),
    user_id    TEXT NOT NULL,               -- '' = server-wide, set by an admin
    place_id   INTEGER REFERENCES options (id),
    tag        TEXT,
    created_at TEXT NOT NULL,
    CHECK ((place_id IS NULL) <> (tag IS NULL))
);
CREATE UNIQUE INDEX vetoes_unique ON vetoes (guild_id, user_id, ifnull(place_id, 0), ifnull(tag, ''));

-- the cooldown asks for the guild's recent 👍
CREATE INDEX feedback_recent ON feedback (guild_id, created_at);
