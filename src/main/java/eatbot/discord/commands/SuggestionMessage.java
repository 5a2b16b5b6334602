package eatbot.discord.commands;

import eatbot.eat.Option;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;

import java.util.stream.Collectors;

/** The message that proposes a place: an embed, and a button to ask for another one. */
public final class SuggestionMessage {
    /** Custom id prefix of the "another one" button; the suggestion id follows. */
    public static final String AGAIN = "eat-again:";
    private static final int COLOR = 0xE8833A;

    private SuggestionMessage() {}

    /**
     * @param preference the requester's 👍/👎 for the place so far
     */
    public static Reply of(Suggestion s, Preference preference) {
        Option o = s.option();
        EmbedBuilder e = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle("🍽️ " + Text.limit(Text.escape(o.name()), 240), o.link())
                .setDescription("For " + s.members().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", ")))
                .addField("Tags", o.tags().isEmpty() ? "—" : Text.escape(String.join(", ", o.tags())), true)
                .addField("Pick", pick(s, preference), true)
                .addField(s.isGroup() ? "Asker's 👍/👎" : "Your 👍/👎",
                        Reaction.LIKE.emoji() + " " + preference.likes() + " · " + Reaction.DISLIKE.emoji() + " " + preference.dislikes(), true)
                .setFooter("React 👍 or 👎: whoever reacts teaches eatbot their own taste · #" + s.id());
        return new Reply(Reply.builder()
                .setEmbeds(e.build())
                .setComponents(ActionRow.of(Button.secondary(AGAIN + s.id(), "Another one").withEmoji(Emoji.fromUnicode("🔄"))))
                .build(), s);
    }

    static String pick(Suggestion s, Preference p) {
        if (s.explored()) return "🧭 Trying something new";
        return p.likes() + p.dislikes() == 0 ? "🎲 A fresh pick" : "⭐ A favourite";
    }
}
