package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.ArrayList;
import java.util.List;

/** {@code /eat}: suggests a place for the caller, in public, so others can react too. */
public final class EatCommand extends SlashCommand {
    private final EatService service;
    private final EatRateLimit rateLimit;

    public EatCommand(EatService service, EatRateLimit rateLimit) {
        super("eat");
        this.service = service;
        this.rateLimit = rateLimit;
    }

    @Override
    public SlashCommandData data() {
        return slash("Suggest a place to eat, picked for your taste");
    }

    @Override
    public String refuse(Call call) {
        return rateLimit.tryAcquire(call.guildId(), call.userId());
    }

    @Override
    public boolean ephemeral(Call call) {
        return false;
    }

    @Override
    public Reply run(Call call) {
        return post(service.suggest(request(call)));
    }

    /**
     * The slash options as a request: the one place where /eat's options are
     * read (more options, such as who eats along, go here).
     */
    static SuggestRequest request(Call call) {
        return SuggestRequest.forUser(call.guildId(), call.userId());
    }

    /** The "another one" button: the same people again, without the previous pick; no dislike is counted. */
    public Reply again(Call call, long previousId) {
        Suggestion previous = service.suggestion(call.guildId(), previousId)
                .orElseThrow(() -> new EatException("That suggestion is gone; ask again with /eat."));
        List<String> members = new ArrayList<>();
        members.add(call.userId());
        if (previous.members().contains(call.userId())) members.addAll(previous.members());
        SuggestRequest request = new SuggestRequest(call.guildId(), call.userId(), members, java.util.Set.of())
                .excluding(previous.option().id());
        return post(service.suggest(request));
    }

    private Reply post(Suggestion s) {
        return SuggestionMessage.of(s, service.preference(s.guildId(), s.requestedBy(), s.option().id()));
    }
}
