package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.i18n.Messages;
import eatbot.eat.EatService;
import eatbot.eat.Meal;

/**
 * The "We're going" button under a suggestion: one of the people it was made
 * for decides on it (a meal; its place rests for them), and pressing it again,
 * by any of them, undoes that — the console's {@code /eat go}, same rule and
 * same refusal for anyone else, which only they see. The answer is public, so
 * the group sees what was decided.
 */
public final class GoingButton {
    private final EatService service;

    public GoingButton(EatService service) {
        this.service = service;
    }

    /**
     * A broken custom id is refused at once; whether the presser is one of the
     * people needs the database, so that is checked in {@link #run}, off the
     * gateway thread: a refusal there reaches only the presser (the public
     * "thinking…" is taken away), like every refusal of a public answer.
     */
    public String refuse(Call call, String customId) {
        try {
            suggestionId(customId);
            return null;
        } catch (EatException e) {
            return e.text(call.locale());
        }
    }

    public Reply run(Call call, String customId) {
        long id = suggestionId(customId);
        EatService.Decision d = service.go(call.guildId(), id, call.userId());
        Meal m = d.meal();
        String place = "**" + Text.limit(Text.escape(m.place().name()), 200) + "**";
        Messages words = Messages.of(call.locale()); // public, worded for the one who pressed
        String who = "<@" + call.userId() + ">";
        if (!d.going()) return Reply.text(words.text("going.undone", who, place, id));
        // <t:…:f> shows the time in each reader's own time zone
        String rest = d.restsUntil() == null ? "" : words.text("going.rests", SuggestionMessage.members(m.members(), words),
                "<t:" + d.restsUntil().getEpochSecond() + ":f>");
        return Reply.text(words.text("going.decided", who, place, id, rest));
    }

    private static long suggestionId(String customId) {
        try {
            return Long.parseLong(customId.substring(SuggestionMessage.GO.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw EatException.of("discord.old-button");
        }
    }
}
