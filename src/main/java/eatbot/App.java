package eatbot;

import eatbot.bandit.Randomness;
import eatbot.config.ConfigLoader;
import eatbot.eat.EatService;
import eatbot.store.Database;
import eatbot.store.SqliteEatStore;

import java.time.Clock;

/**
 * The wiring: config → database → store → service. Built once in {@link Main};
 * nothing else knows how the pieces were made.
 */
public final class App implements AutoCloseable {
    private final ConfigLoader.Loaded config;
    private final SqliteEatStore store;
    private final EatService service;

    public App(ConfigLoader.Loaded config) {
        this.config = config;
        this.store = new SqliteEatStore(Database.open(config.database()));
        this.service = new EatService(store, config.defaults(), config.starters(), Clock.systemUTC(), Randomness.unseeded());
    }

    public ConfigLoader.Loaded config() {
        return config;
    }

    public SqliteEatStore store() {
        return store;
    }

    public EatService service() {
        return service;
    }

    @Override
    public void close() {
        store.close();
    }
}
