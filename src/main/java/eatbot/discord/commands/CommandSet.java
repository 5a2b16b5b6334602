package eatbot.discord.commands;

import eatbot.discord.commands.admin.EatAdminCommand;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every slash command eatbot has, in one place: what gets registered and what the router finds by name. */
public final class CommandSet {
    private final EatCommand eat;
    private final Map<String, SlashCommand> byName = new LinkedHashMap<>();

    public CommandSet(EatService service, EatRateLimit rateLimit) {
        this.eat = new EatCommand(service, rateLimit);
        for (SlashCommand c : List.of(eat, new PlaceCommand(service), new TasteCommand(service), new EatAdminCommand(service))) {
            byName.put(c.name(), c);
        }
    }

    public SlashCommand get(String name) {
        return byName.get(name);
    }

    public EatCommand eat() {
        return eat;
    }

    public List<CommandData> data() {
        return byName.values().stream().map(c -> (CommandData) c.data()).toList();
    }
}
