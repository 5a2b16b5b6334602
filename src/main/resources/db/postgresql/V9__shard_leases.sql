-- Shards across processes (README "Running at scale", DESIGN "The shard lease"). PostgreSQL only:
-- on SQLite one process runs every shard, kept alone by a lock file next to the database.
-- These two tables are the bot's coordination, not guild data: on Citus they stay local tables.

-- The shard total every process must run with; the first process to start writes it.
CREATE TABLE shard_total (
    one   boolean PRIMARY KEY DEFAULT true CHECK (one),
    total integer NOT NULL CHECK (total > 0)
);

-- One lease per shard: who runs it, until when unless renewed, and the epoch (a fencing token,
-- one more on every acquisition by anyone).
CREATE TABLE shard_leases (
    shard      integer PRIMARY KEY,
    owner      text NOT NULL,
    epoch      bigint NOT NULL,
    expires_at timestamptz NOT NULL
);

-- The fence: a writer that set eatbot.fence (the bot does, on its writer connection: the shard
-- total and the epoch it holds of each of its shards) may change a guild's rows only while the
-- lease of the guild's shard still has that epoch. FOR SHARE makes an acquisition wait for a
-- write under way, so what the new owner reads after acquiring includes it. Connections without
-- the setting (the console, tools, the tests of the store) are not fenced.
CREATE FUNCTION eatbot_fence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    fence jsonb;
    guild text;
    guild_shard integer;
    held  bigint;
BEGIN
    fence := nullif(current_setting('eatbot.fence', true), '')::jsonb;
    IF fence IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'guilds' THEN
        guild := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        guild := CASE WHEN TG_OP = 'DELETE' THEN OLD.guild_id ELSE NEW.guild_id END;
    END IF;
    guild_shard := CASE WHEN guild ~ '^[0-9]{1,19}$' THEN ((guild::numeric::bigint >> 22) % (fence ->> 'total')::bigint)::integer ELSE 0 END;
    held := (fence -> 'epochs' ->> guild_shard::text)::bigint;
    PERFORM 1 FROM shard_leases l WHERE l.shard = guild_shard AND l.epoch = held FOR SHARE;
    IF held IS NULL OR NOT FOUND THEN
        RAISE EXCEPTION 'eatbot: this process no longer holds the lease of shard % (epoch %)', guild_shard, held
            USING ERRCODE = 'EB001';
    END IF;
    RETURN NULL;
END
$$;

-- on every table with guild rows (guilds by its id); a later table with guild_id needs its own trigger
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT DISTINCT c.table_name FROM information_schema.columns c
             JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
             WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
               AND (c.column_name = 'guild_id' OR c.table_name = 'guilds')
    LOOP
        EXECUTE format('CREATE TRIGGER eatbot_fence AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION eatbot_fence()', t);
    END LOOP;
END
$$;
