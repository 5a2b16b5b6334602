package eatbot.discord;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Permissions;
import eatbot.discord.commands.Person;
import eatbot.discord.commands.ReactionAccess;
import eatbot.discord.commands.Upload;
import eatbot.eat.EatException;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Call} read from a JDA interaction (slash command or button) in a guild.
 *
 * @param channel the channel of the interaction from JDA's cache, or null when not cached (a thread eatbot has not seen)
 */
record JdaCall(String guildId, String userId, String interactionId, String subcommand, CommandInteractionPayload payload,
               Member member, GuildChannel channel, java.util.Locale locale) implements Call {
    private static final Logger log = LoggerFactory.getLogger(JdaCall.class);

    /** The reader's language as Discord tells it with the interaction. */
    static java.util.Locale localeOf(Interaction i) {
        try {
            return i.getUserLocale().toLocale();
        } catch (RuntimeException e) {
            return java.util.Locale.ENGLISH; // an unknown locale
        }
    }

    /** The channel of an interaction as JDA keeps it (with its permission overwrites), or null. */
    static GuildChannel cachedChannel(Interaction i) {
        return i.getGuild() == null ? null : i.getGuild().getGuildChannelById(i.getChannelIdLong());
    }

    /** The subcommand as handlers see it: {@code veto add} for a subcommand in a group. */
    static String subcommandOf(CommandInteractionPayload p) {
        if (p.getSubcommandName() == null) return null;
        return p.getSubcommandGroup() == null ? p.getSubcommandName() : p.getSubcommandGroup() + " " + p.getSubcommandName();
    }

    @Override
    public String option(String name) {
        if (payload == null) return null;
        OptionMapping m = payload.getOption(name);
        return m == null ? null : m.getAsString();
    }

    /** From the interaction's {@code resolved} users and members (JDA's mentions of the option), never from a cache. */
    @Override
    public Map<String, Person> people(String option) {
        if (payload == null) return Map.of();
        OptionMapping m = payload.getOption(option);
        if (m == null) return Map.of();
        Mentions mentions = m.getMentions();
        Map<String, Person> found = new LinkedHashMap<>();
        for (User u : mentions.getUsers()) found.put(u.getId(), new Person(u.getId(), u.getEffectiveName(), u.isBot()));
        // a member's server nickname is how the caller knows them
        for (Member mm : mentions.getMembers()) found.put(mm.getId(), new Person(mm.getId(), mm.getEffectiveName(), mm.getUser().isBot()));
        return found;
    }

    @Override
    public boolean canManageServer() {
        return member != null && member.hasPermission(Permissions.ADMIN);
    }

    @Override
    public boolean hasRole(String roleId) {
        return member != null && member.getRoles().stream().anyMatch(r -> r.getId().equals(roleId));
    }

    /**
     * From eatbot's own member and the cached channel's overwrites (JDA does
     * not expose the interaction's {@code app_permissions}); cache only, no request.
     */
    @Override
    public ReactionAccess reactionAccess() {
        if (channel == null) return ReactionAccess.FINE;
        Member self = channel.getGuild().getSelfMember();
        return ReactionAccess.of(self.getPermissions(channel), self.getPermissionsExplicit(channel));
    }

    @Override
    public String displayName() {
        return member == null ? userId : member.getEffectiveName();
    }

    @Override
    public String nameOf(String id) {
        if (id.equals(userId)) return displayName();
        Member m = member == null ? null : member.getGuild().getMemberById(id); // the cache only
        return m == null ? id : m.getEffectiveName();
    }

    @Override
    public Upload upload(String name) {
        if (payload == null) return null;
        OptionMapping m = payload.getOption(name);
        if (m == null || m.getType() != OptionType.ATTACHMENT) return null;
        Message.Attachment a = m.getAsAttachment();
        return new Upload() {
            @Override
            public String fileName() {
                return a.getFileName();
            }

            @Override
            public long size() {
                return a.getSize();
            }

            @Override
            public byte[] download(int maxBytes) {
                try (InputStream in = a.getProxy().download().get(30, TimeUnit.SECONDS)) {
                    return in.readNBytes(maxBytes + 1);
                } catch (ExecutionException | TimeoutException | IOException e) {
                    log.warn("could not download attachment {}: {}", a.getId(), e.toString());
                    throw new EatException("Could not download the file from Discord; try again.");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EatException("Could not download the file from Discord; try again.");
                }
            }
        };
    }
}
