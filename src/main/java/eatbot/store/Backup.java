package eatbot.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code eatbot backup}: a consistent copy of a database that a running bot
 * may be writing. SQLite's {@code VACUUM INTO} copies one read snapshot (WAL
 * readers never block the bot's writer, nor it them), and unlike the page-wise
 * backup API it cannot be restarted forever by a busy writer in another process.
 * It reads through its own read-only connection, so it neither runs migrations
 * on the live file (as {@link Database#open} would: a different jar could change
 * the schema under the bot) nor needs the write lock the bot's writer holds.
 * The copy is written next to the target and moved into place, so the target is
 * never half-written.
 */
public final class Backup {
    private Backup() {}

    public static void copy(Path source, Path target) {
        Path abs = target.toAbsolutePath();
        Path partial = abs.resolveSibling(abs.getFileName() + ".partial");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            Files.deleteIfExists(partial);
            try (Connection c = config.createConnection("jdbc:sqlite:" + source.toAbsolutePath());
                 Statement st = c.createStatement()) {
                st.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the failure below is what matters
            }
            throw new StoreException("backup of " + source + " to " + target + " failed: " + e.getMessage(), e);
        }
    }
}
