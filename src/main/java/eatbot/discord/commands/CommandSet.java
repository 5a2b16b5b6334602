package eatbot.discord.commands;

import eatbot.discord.commands.admin.EatAdminCommand;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every slash command and button eatbot has, in one place: what gets
 * registered, and what the router finds by command name or button id.
 */
public final class CommandSet {
    private final Map<String, SlashCommand> byName = new LinkedHashMap<>();
    private final List<ButtonPress> buttons;

    public CommandSet(EatService service, EatRateLimit rateLimit) {
        EatCommand eat = new EatCommand(service, rateLimit);
        EatWhyCommand why = new EatWhyCommand(service);
        PrivacyCommand privacy = new PrivacyCommand(service);
        for (SlashCommand c : List.of(eat, new EatHistoryCommand(service), why, new PlaceCommand(service), new VetoCommand(service),
                new TasteCommand(service), privacy, new EatAdminCommand(service))) {
            byName.put(c.name(), c);
        }
        buttons = List.of(
                new ButtonPress(AnotherOne.PREFIX, ButtonPress.Answer.PUBLIC, (call, id) -> eat.refuse(call), eat::again),
                new ButtonPress(SuggestionMessage.WHY, ButtonPress.Answer.PRIVATE, (call, id) -> null, why::button),
                new ButtonPress(PrivacyCommand.FORGET, ButtonPress.Answer.UPDATE, PrivacyCommand::refuseButton, (call, id) -> privacy.confirm(call)),
                new ButtonPress(PrivacyCommand.KEEP, ButtonPress.Answer.UPDATE, PrivacyCommand::refuseButton, (call, id) -> privacy.keep()));
    }

    public SlashCommand get(String name) {
        return byName.get(name);
    }

    /** The button whose custom id this is, or null for one eatbot does not know. */
    public ButtonPress button(String customId) {
        return buttons.stream().filter(b -> customId.startsWith(b.prefix())).findFirst().orElse(null);
    }

    public List<CommandData> data() {
        return byName.values().stream().map(c -> (CommandData) c.data()).toList();
    }
}
