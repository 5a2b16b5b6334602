package eatbot;

import eatbot.eat.Names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks at start-up that eatbot can write where its database lives: SQLite needs the
 * file and, for its WAL and shared-memory files, the folder. Without this, a bind mount
 * owned by another user ends in an SQLITE_CANTOPEN stack trace; with it, one line
 * naming the folder, its owner, this process's uid and the chown that fixes it.
 */
final class DatabaseFolder {
    private DatabaseFolder() {}

    /** The database's place is not writable by this process: one line for the operator (exit status 5). */
    static final class NotWritable extends RuntimeException {
        NotWritable(String message) {
            super(message);
        }
    }

    static void check(Path database) {
        Path file = database.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null) return;
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        // nothing to check against, or a file where a folder should be: opening it will say what is wrong
        if (existing == null || !Files.isDirectory(existing)) return;
        if (!Files.isWritable(existing)) throw new NotWritable(message(existing));
        if (existing.equals(folder) && Files.exists(file) && !Files.isWritable(file)) throw new NotWritable(message(file));
    }

    private static String message(Path place) {
        String owner = owner(place);
        String me = owner(Path.of("/proc/self")); // owned by this process's uid:gid on Linux
        String where = Files.isDirectory(place) ? "the database folder " : "the database ";
        if (owner == null || me == null) {
            return Names.oneLine("eatbot: cannot write " + where + place + ": give this user write access to it (see README \"Running in Docker\").");
        }
        // a long path is cut in the middle: the end says what to do
        return Names.oneLine("eatbot: cannot write " + where + place + " (owner " + owner + ", eatbot runs as " + me + "): run chown " + me
                + " on it, or on the host folder mounted there (README \"Running in Docker\").");
    }

    /** "uid:gid" of a path, or null where the file system does not tell. */
    private static String owner(Path p) {
        try {
            return Files.getAttribute(p, "unix:uid") + ":" + Files.getAttribute(p, "unix:gid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
