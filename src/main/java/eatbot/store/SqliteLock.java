package eatbot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One eatbot process per SQLite file: a lock on {@code <database>.lock}, held for the process's life
 * (the OS lets it go when the process dies, even by kill -9). The service's caches assume they see
 * every write; a second process writing the same file would make them lie. Several processes need
 * PostgreSQL (README "Running at scale"). {@code backup} takes no lock: it only reads.
 */
public final class SqliteLock implements AutoCloseable {
    /** Another process holds the file: one line for the operator. */
    public static final class InUse extends RuntimeException {
        InUse(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock next to {@code database}, or throws {@link InUse}. Returns null when the lock file
     * cannot even be made (opening the database will say why, in its own words).
     */
    public static SqliteLock take(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            return null;
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
        if (lock == null) {
            String holder = holder(channel);
            closeQuietly(channel);
            throw new InUse("eatbot: another eatbot process" + holder + " is using " + database
                    + "; stop it first (one process per SQLite file; several need PostgreSQL, see README \"Running at scale\").");
        }
        try {
            // who holds it, for the next one's message
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            // the lock stands without the pid
        }
        return new SqliteLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(20);
            int n = channel.read(b, 0);
            String pid = n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,10}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel lets it go too
        }
        closeQuietly(channel);
    }
}
