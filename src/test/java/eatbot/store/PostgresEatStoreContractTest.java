package eatbot.store;

import eatbot.eat.EatStore;

import java.nio.file.Path;

/**
 * The store contract on a real PostgreSQL ({@link TestPostgres}): a database per folder, so opening
 * a folder again is a restart, or a second process on the same database.
 */
class PostgresEatStoreContractTest extends EatStoreContract {
    @Override
    protected EatStore open(Path dir) {
        TestPostgres.Db db = TestPostgres.database(dir.toString());
        return new JdbcEatStore(Database.openPostgres(db.url(), db.user(), db.password()));
    }
}
