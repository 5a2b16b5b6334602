package eatbot.discord.commands;

import eatbot.commands.CommandDef;
import eatbot.commands.Commands;
import eatbot.commands.Handlers;
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
    /**
     * How many pictures (/taste, /eat-why, the "Why?" button, together) one
     * member may ask for per minute: each renders a chart, the costliest thing
     * eatbot does for one press; a dozen is more than anyone reads in a minute.
     */
    public static final int PICTURES_PER_MINUTE = 12;
    private final Map<String, SlashCommand> byName = new LinkedHashMap<>();
    private final List<ButtonPress> buttons;

    /** @param rateLimit the limit on suggestions; pictures get {@link #PICTURES_PER_MINUTE} on the system clock */
    public CommandSet(EatService service, EatRateLimit rateLimit) {
        this(service, rateLimit, new EatRateLimit(PICTURES_PER_MINUTE, System::currentTimeMillis, "picture"));
    }

    public CommandSet(EatService service, EatRateLimit rateLimit, EatRateLimit pictures) {
        Handlers handlers = new Handlers(service);
        EatCommand eat = new EatCommand(service, rateLimit, handlers);
        EatWhyCommand why = new EatWhyCommand(service, pictures, handlers);
        PrivacyCommand privacy = new PrivacyCommand(service, handlers);
        // a command with more to do on Discord (a rate limit, buttons) has a class; the others are their definition and handler
        Map<String, SlashCommand> own = new LinkedHashMap<>();
        for (SlashCommand c : List.of(eat, new EatPlanCommand(service, rateLimit, handlers), why, 
                new TasteCommand(service, pictures, handlers), privacy, new EatAdminCommand(service, handlers),
                new EatHelpCommand(() -> byName.values().stream().map(SlashCommand::data).toList()))) {
            own.put(c.name(), c);
        }
        for (CommandDef def : Commands.ALL) {
            byName.put(def.name(), own.containsKey(def.name()) ? own.get(def.name()) : new DefinedCommand(def, service, handlers));
        }
        GoingButton going = new GoingButton(service);
        buttons = List.of(
                new ButtonPress(SuggestionMessage.GO, ButtonPress.Answer.PUBLIC, going::refuse, going::run),
                new ButtonPress(AnotherOne.PREFIX, ButtonPress.Answer.PUBLIC, (call, id) -> eat.refuseAnotherOne(call), eat::again),
                new ButtonPress(SuggestionMessage.WHY, ButtonPress.Answer.PRIVATE, (call, id) -> why.refuse(call), why::button),
                new ButtonPress(PrivacyCommand.FORGET, ButtonPress.Answer.UPDATE, PrivacyCommand::refuseButton, (call, id) -> privacy.confirm(call)),
                new ButtonPress(PrivacyCommand.KEEP, ButtonPress.Answer.UPDATE, PrivacyCommand::refuseButton, (call, id) -> privacy.keep(call)));
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
