-- eatbot schema, version 1. Feedback is the log of truth; preferences are its
-- materialised view, kept in step in the same transaction and rebuildable.

CREATE TABLE guilds (
    id                  TEXT PRIMARY KEY,
    created_at          TEXT NOT NULL,
    policy              TEXT NOT NULL,
    epsilon             REAL NOT NULL,
    ucb_c               REAL NOT NULL,
    prior_alpha         REAL NOT NULL,
    prior_beta          REAL NOT NULL,
    group_rule          TEXT NOT NULL,
    cooldown_days       INTEGER NOT NULL,
    discount            REAL NOT NULL,
    cold_start_strength REAL NOT NULL,
    time_zone           TEXT NOT NULL,
    add_role_id         TEXT
);

CREATE TABLE options (
    id         INTEGER PRIMARY KEY,
    guild_id   TEXT NOT NULL REFERENCES guilds (id),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    tags       TEXT NOT NULL DEFAULT '',   -- comma separated, clean (see Names.tags)
    link       TEXT,
    hours      TEXT,
    added_by   TEXT,
    archived   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
-- one active place per name in a guild; archived ones may repeat
CREATE UNIQUE INDEX options_active_name ON options (guild_id, name_key) WHERE archived = 0;

CREATE TABLE suggestions (
    id           INTEGER PRIMARY KEY,
    guild_id     TEXT NOT NULL REFERENCES guilds (id),
    requested_by TEXT NOT NULL,
    members      TEXT NOT NULL,              -- comma separated user ids
    option_id    INTEGER NOT NULL REFERENCES options (id),
    policy       TEXT NOT NULL,
    explored     INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    channel_id   TEXT,
    message_id   TEXT
);
CREATE INDEX suggestions_guild ON suggestions (guild_id, id);
CREATE UNIQUE INDEX suggestions_message ON suggestions (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    guild_id      TEXT NOT NULL REFERENCES guilds (id),
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    user_id       TEXT NOT NULL,
    option_id     INTEGER NOT NULL REFERENCES options (id),
    reward        INTEGER NOT NULL CHECK (reward IN (0, 1)),
    step          INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    retracted_at  TEXT
);
-- a reaction counts once while it is there
CREATE UNIQUE INDEX feedback_active ON feedback (suggestion_id, user_id, reward) WHERE retracted_at IS NULL;
CREATE INDEX feedback_user ON feedback (guild_id, user_id, step);

-- how many reactions each person has given in a guild: the clock of discounting
CREATE TABLE user_steps (
    guild_id TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    step     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

CREATE TABLE preferences (
    guild_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    option_id INTEGER NOT NULL,
    successes REAL NOT NULL,
    failures  REAL NOT NULL,
    likes     INTEGER NOT NULL,
    dislikes  INTEGER NOT NULL,
    step      INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, option_id)
) WITHOUT ROWID;
