package eatbot.discord.commands;

import java.util.Map;
import java.util.Set;

/** A call as a handler sees it, without Discord. */
public record FakeCall(String guildId, String userId, String subcommand, Map<String, String> options,
                       boolean canManageServer, Set<String> roles, Map<String, Upload> uploads) implements Call {

    public static FakeCall member(String subcommand, Map<String, String> options) {
        return new FakeCall("111", "222", subcommand, options, false, Set.of(), Map.of());
    }

    public static FakeCall admin(String subcommand, Map<String, String> options) {
        return new FakeCall("111", "333", subcommand, options, true, Set.of(), Map.of());
    }

    public FakeCall withRole(String role) {
        return new FakeCall(guildId, userId, subcommand, options, canManageServer, Set.of(role), uploads);
    }

    public FakeCall as(String otherUser) {
        return new FakeCall(guildId, otherUser, subcommand, options, canManageServer, roles, uploads);
    }

    public FakeCall withUpload(String name, Upload upload) {
        return new FakeCall(guildId, userId, subcommand, options, canManageServer, roles, Map.of(name, upload));
    }

    @Override
    public String option(String name) {
        return options.get(name);
    }

    @Override
    public boolean hasRole(String roleId) {
        return roles.contains(roleId);
    }

    @Override
    public String displayName() {
        return "Member " + userId;
    }

    @Override
    public Upload upload(String name) {
        return uploads.get(name);
    }

    /** A file whose size is announced and whose download is counted. */
    public static final class FakeUpload implements Upload {
        private final long announced;
        private final byte[] bytes;
        public int downloads;

        public FakeUpload(long announced, byte[] bytes) {
            this.announced = announced;
            this.bytes = bytes;
        }

        @Override
        public String fileName() {
            return "places.json";
        }

        @Override
        public long size() {
            return announced;
        }

        @Override
        public byte[] download(int maxBytes) {
            downloads++;
            return java.util.Arrays.copyOf(bytes, Math.min(bytes.length, maxBytes + 1));
        }
    }
}
