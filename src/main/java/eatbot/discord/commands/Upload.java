package eatbot.discord.commands;

/**
 * A file someone attached to a command. The size is Discord's, known before
 * anything is downloaded, so a handler can refuse a big file without fetching it.
 */
public interface Upload {
    String fileName();

    /** The size in bytes, as Discord reports it. */
    long size();

    /**
     * Downloads the file, reading at most {@code maxBytes + 1} bytes (so a file
     * larger than announced is still caught by the caller's size check).
     */
    byte[] download(int maxBytes);
}
