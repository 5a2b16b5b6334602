package eatbot.discord.commands;

import eatbot.eat.Filters;
import eatbot.eat.MealTime;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.Pick;
import eatbot.eat.PickText;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import eatbot.i18n.Messages;
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
        return of(s, reasons, againId, filters, at, access, Messages.ENGLISH);
    }

    /** @param words the asker's language: the message is public, but worded for the one who asked */
    public static Reply of(Suggestion s, List<String> reasons, String againId, Filters filters, MealTime at, ReactionAccess access,
                           Messages words) {
        Option o = s.option();
        Pick p = s.pick();
        EmbedBuilder e = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle("🍽️ " + Text.limit(Text.escape(o.name()), 240), o.link())
                .setDescription(words.text("suggestion.for", members(s.members(), words)))
                .addField(words.text("suggestion.tags"), o.tags().isEmpty() ? "—" : Text.escape(String.join(", ", o.tags())), true);
        if (p != null) {
            e.addField(words.text("suggestion.pick"), PickText.heading(p.label(), words), true)
                    .addField(words.text(s.isGroup() ? "suggestion.counts.together" : "suggestion.counts.you"),
                            Reaction.LIKE.emoji() + " " + p.likes() + " · " + Reaction.DISLIKE.emoji() + " " + p.dislikes(), true);
        }
        if (!reasons.isEmpty()) e.addField(words.text("suggestion.not-picked"), Text.limit(String.join("\n", reasons), 1024), false);
        String asked = asked(filters, at, words);
        if (!asked.isEmpty()) e.addField(words.text("suggestion.asked-for"), Text.escape(asked), false);
        String warning = access.warning(words);
        e.setFooter((warning != null ? warning : words.text("suggestion.footer")) + " · #" + s.id());
        return new Reply(Reply.builder()
                .setEmbeds(e.build())
                .setComponents(ActionRow.of(
                        Button.secondary(againId, words.text("button.another")).withEmoji(Emoji.fromUnicode("🔄")),
                        Button.secondary(WHY + s.id(), words.text("button.why")).withEmoji(Emoji.fromUnicode("📈")),
                        Button.success(GO + s.id(), words.text("button.going")).withEmoji(Emoji.fromUnicode("✅"))))
                .build(), s);
    }

    /** Members as mentions (the reply allows no mentions, so nobody is pinged); a forgotten person as such. */
    static String members(List<String> ids) {
        return members(ids, Messages.ENGLISH);
    }

    static String members(List<String> ids, Messages words) {
        return ids.stream().map(id -> PersonalData.FORGOTTEN_USER.equals(id) ? words.text("suggestion.someone-forgotten") : "<@" + id + ">")
                .collect(Collectors.joining(words.text("suggestion.members.separator")));
    }

    /** "not:smelly max-price:$$ at Fri 19:00", or empty. */
    static String asked(Filters filters, MealTime at) {
        return asked(filters, at, Messages.ENGLISH);
    }

    static String asked(Filters filters, MealTime at, Messages words) {
        String f = filters.toString();
        String when = at == null ? "" : words.text("suggestion.at", at);
        return (f + " " + when).strip();
    }
}
