package eatbot.store;

import eatbot.eat.EatStore;

import java.nio.file.Path;

/** The store contract on SQLite: one file per folder, so reopening a folder is a restart or a second process. */
class SqliteEatStoreContractTest extends EatStoreContract {
    @Override
    protected EatStore open(Path dir) {
        return new JdbcEatStore(Database.open(dir.resolve("eatbot.db")));
    }
}
