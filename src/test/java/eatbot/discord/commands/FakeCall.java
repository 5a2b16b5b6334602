package eatbot.discord.commands;

import java.util.Map;
import java.util.Set;

/**
 * A call as a handler sees it, without Discord.
 *
 * @param resolved the people Discord resolved for mentioning options; null: like Discord, every
 *                 {@code <@id>} in an option is resolved, as a person named {@code user<id>}
 */
public record FakeCall(String guildId, String userId, String subcommand, Map<String, String> options,
                       boolean canManageServer, Set<String> roles, Map<String, Upload> uploads,
                       Map<String, Person> resolved) implements Call {
    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("<@!?(\\d+)>");

    public static FakeCall member(String subcommand, Map<String, String> options) {
        return new FakeCall("111", "222", subcommand, options, false, Set.of(), Map.of(), null);
    }

    public static FakeCall admin(String subcommand, Map<String, String> options) {
        return new FakeCall("111", "333", subcommand, options, true, Set.of(), Map.of(), null);
    }

    public FakeCall withRole(String role) {
        return new FakeCall(guildId, userId, subcommand, options, canManageServer, Set.of(role), uploads, resolved);
    }

    public FakeCall as(String otherUser) {
        return new FakeCall(guildId, otherUser, subcommand, options, canManageServer, roles, uploads, resolved);
    }

    public FakeCall withUpload(String name, Upload upload) {
        return new FakeCall(guildId, userId, subcommand, options, canManageServer, roles, Map.of(name, upload), resolved);
    }

    /** Exactly these people resolved, whatever the options mention. */
    public FakeCall resolving(Person... people) {
        Map<String, Person> m = new java.util.HashMap<>();
        for (Person p : people) m.put(p.id(), p);
        return new FakeCall(guildId, userId, subcommand, options, canManageServer, roles, uploads, m);
    }

    @Override
    public Map<String, Person> people(String option) {
        if (resolved != null) return resolved;
        Map<String, Person> m = new java.util.HashMap<>();
        String text = options.get(option);
        if (text != null) {
            java.util.regex.Matcher x = MENTION.matcher(text);
            while (x.find()) m.put(x.group(1), new Person(x.group(1), "user" + x.group(1), false));
        }
        return m;
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
