package eatbot.discord.commands;

import eatbot.eat.Filters;
import eatbot.eat.MealTime;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The message that proposes a place: an embed naming the people it is for,
 * a button to ask for another one and a button that shows why.
 */
public final class SuggestionMessage {
    /** Custom id prefix of the "Why?" button; the suggestion id follows. */
    public static final String WHY = "eat-why:";
    private static final int COLOR = 0xE8833A;

    private SuggestionMessage() {}

    /** A personal suggestion without filters (as the "another one" button of old messages had). */
    public static Reply of(Suggestion s, Preference preference) {
        return of(s, preference, AnotherOne.PREFIX + s.id(), Filters.NONE, null, ReactionAccess.FINE);
    }

    /**
     * @param preference the requester's 👍/👎 for the place so far
     * @param againId    the "another one" button's custom id (see {@link AnotherOne})
     * @param access     whether 👍/👎 can work where the message goes: when not, the footer says so instead of inviting them
     */
    public static Reply of(Suggestion s, Preference preference, String againId, Filters filters, MealTime at, ReactionAccess access) {
        Option o = s.option();
        EmbedBuilder e = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle("🍽️ " + Text.limit(Text.escape(o.name()), 240), o.link())
                .setDescription("For " + members(s.members()))
                .addField("Tags", o.tags().isEmpty() ? "—" : Text.escape(String.join(", ", o.tags())), true)
                .addField("Pick", pick(s, preference), true)
                .addField(s.isGroup() ? "Asker's 👍/👎" : "Your 👍/👎",
                        Reaction.LIKE.emoji() + " " + preference.likes() + " · " + Reaction.DISLIKE.emoji() + " " + preference.dislikes(), true);
        String asked = asked(filters, at);
        if (!asked.isEmpty()) e.addField("Asked for", Text.escape(asked), false);
        String warning = access.warning();
        e.setFooter((warning != null ? warning : "React 👍 or 👎: whoever reacts teaches eatbot their own taste") + " · #" + s.id());
        return new Reply(Reply.builder()
                .setEmbeds(e.build())
                .setComponents(ActionRow.of(
                        Button.secondary(againId, "Another one").withEmoji(Emoji.fromUnicode("🔄")),
                        Button.secondary(WHY + s.id(), "Why?").withEmoji(Emoji.fromUnicode("📈"))))
                .build(), s);
    }

    /** Members as mentions (the reply allows no mentions, so nobody is pinged); a forgotten person as such. */
    static String members(List<String> ids) {
        return ids.stream().map(id -> PersonalData.FORGOTTEN_USER.equals(id) ? "someone forgotten" : "<@" + id + ">")
                .collect(Collectors.joining(", "));
    }

    /** "not:smelly max-price:$$ at Fri 19:00", or empty. */
    static String asked(Filters filters, MealTime at) {
        String f = filters.toString();
        String when = at == null ? "" : "at " + at;
        return (f + " " + when).strip();
    }

    static String pick(Suggestion s, Preference p) {
        if (s.explored()) return "🧭 Trying something new";
        return p.likes() + p.dislikes() == 0 ? "🎲 A fresh pick" : "⭐ A favourite";
    }
}
