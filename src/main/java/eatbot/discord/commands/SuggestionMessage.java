package eatbot.discord.commands;

import eatbot.eat.Filters;
import eatbot.eat.MealTime;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.Pick;
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
 * what kind of pick it is and why better places were not picked; a button to
 * decide to go, one to ask for another one and one that shows why.
 */
public final class SuggestionMessage {
    /** Custom id prefix of the "We're going" button (see {@link GoingButton}); the suggestion id follows. */
    public static final String GO = "eat-go:";
    /** Custom id prefix of the "Why?" button; the suggestion id follows. */
    public static final String WHY = "eat-why:";
    private static final int COLOR = 0xE8833A;

    private SuggestionMessage() {}

    /**
     * @param reasons    why better places were not picked (see {@link eatbot.eat.PickText#reasons}), already escaped
     * @param againId    the "another one" button's custom id (see {@link AnotherOne})
     * @param access     whether 👍/👎 can work where the message goes: when not, the footer says so instead of inviting them
     */
    public static Reply of(Suggestion s, List<String> reasons, String againId, Filters filters, MealTime at, ReactionAccess access) {
        Option o = s.option();
        Pick p = s.pick();
        EmbedBuilder e = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle("🍽️ " + Text.limit(Text.escape(o.name()), 240), o.link())
                .setDescription("For " + members(s.members()))
                .addField("Tags", o.tags().isEmpty() ? "—" : Text.escape(String.join(", ", o.tags())), true);
        if (p != null) {
            e.addField("Pick", pick(p), true)
                    .addField(s.isGroup() ? "Your 👍/👎 together" : "Your 👍/👎",
                            Reaction.LIKE.emoji() + " " + p.likes() + " · " + Reaction.DISLIKE.emoji() + " " + p.dislikes(), true);
        }
        if (!reasons.isEmpty()) e.addField("Not picked", Text.limit(String.join("\n", reasons), 1024), false);
        String asked = asked(filters, at);
        if (!asked.isEmpty()) e.addField("Asked for", Text.escape(asked), false);
        String warning = access.warning();
        e.setFooter((warning != null ? warning : "React 👍 or 👎: whoever reacts teaches eatbot their own taste") + " · #" + s.id());
        return new Reply(Reply.builder()
                .setEmbeds(e.build())
                .setComponents(ActionRow.of(
                        Button.secondary(againId, "Another one").withEmoji(Emoji.fromUnicode("🔄")),
                        Button.secondary(WHY + s.id(), "Why?").withEmoji(Emoji.fromUnicode("📈")),
                        Button.success(GO + s.id(), "We're going").withEmoji(Emoji.fromUnicode("✅"))))
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

    /** "⭐ A favourite": the label's emoji and words, capitalised. */
    static String pick(Pick p) {
        return eatbot.commands.Words.pick(p);
    }
}
