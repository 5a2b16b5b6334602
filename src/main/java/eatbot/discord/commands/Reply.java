package eatbot.discord.commands;

import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

import java.util.EnumSet;

/**
 * What a handler answers. When {@code suggestion} is set, the router attaches
 * the posted message to it (so reactions there count) and adds 👍 and 👎.
 * Every reply pings nobody, whatever names it contains.
 */
public record Reply(MessageCreateData message, Suggestion suggestion) {

    public static Reply text(String text) {
        return new Reply(builder().setContent(Text.limit(text, 2000)).build(), null);
    }

    public static Reply embed(MessageEmbed embed) {
        return new Reply(builder().setEmbeds(embed).build(), null);
    }

    /** A message builder that mentions nobody. */
    public static MessageCreateBuilder builder() {
        return new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class));
    }
}
