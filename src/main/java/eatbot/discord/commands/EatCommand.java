package eatbot.discord.commands;

import eatbot.commands.Answer;
import eatbot.commands.Asking;
import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Pick;
import eatbot.eat.PickText;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /eat [with:@a @b] [not:] [max-price:] [only:] [at:]}: suggests a place
 * for the caller (and the members they mention), in public, so everyone can react.
 */
public final class EatCommand extends DefinedCommand {
    /** The most people one suggestion is for, the asker included. */
    public static final int MAX_GROUP = SuggestRequest.MAX_GROUP;
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{1,20})>");

    private final EatRateLimit rateLimit;
    private final AnotherOne anotherOne = new AnotherOne();

    public EatCommand(EatService service, EatRateLimit rateLimit) {
        this(service, rateLimit, new Handlers(service));
    }

    public EatCommand(EatService service, EatRateLimit rateLimit, Handlers handlers) {
        super(Commands.EAT, service, handlers);
        this.rateLimit = rateLimit;
    }

    /**
     * Options that cannot make a request (a bot in with:, a bad time...) are
     * refused at once, only to the caller, without costing them an ask; then the rate limit.
     */
    @Override
    protected String check(Call call) {
        try {
            request(call);
        } catch (EatException e) {
            return e.text(call.locale());
        }
        return refuseAnotherOne(call);
    }

    /** The "another one" button is another suggestion: it counts against the same per-minute limit. */
    public String refuseAnotherOne(Call call) {
        return rateLimit.tryAcquire(call.guildId(), call.userId(), eatbot.i18n.Messages.of(call.locale()));
    }

    /** Answered by {@code eatbot.commands.EatHandler}; posted as a suggestion message. */
    @Override
    public Reply run(Call call) {
        Answer.Suggested a = (Answer.Suggested) handlers().answer(Commands.EAT, null, invocation(call, null));
        return post(a.suggestion(), a.request(), call);
    }

    /** The slash options as a request, as {@code /eat} reads them ({@link Asking#request}). */
    static SuggestRequest request(Call call) {
        return Asking.request(invocation(Commands.EAT, call, null));
    }

    /** The people {@code with:} mentions: members only, by what Discord resolved. */
    static List<String> people(Call call, String option) {
        List<String> with = mentioned(call.option(option));
        if (!with.isEmpty()) onlyPeople(with, call.userId(), call.people(option));
        return with;
    }

    /** The member ids in {@code with:}, which must be nothing but @mentions of members. */
    static List<String> mentioned(String with) {
        List<String> ids = new ArrayList<>();
        if (with == null || with.isBlank()) return ids;
        for (String word : with.strip().split("[\\s,]+")) {
            Matcher m = MENTION.matcher(word);
            if (!m.matches()) {
                throw new EatException("with: takes @mentions of members, like with:@alice @bob; '"
                        + eatbot.eat.Names.shown(word) + "' is not one.");
            }
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * Refuses a bot (this one included) among the mentioned, by what Discord
     * resolved with the interaction; a mention Discord did not resolve is refused
     * rather than guessed at (Discord resolves every mention in a command's text option).
     */
    static void onlyPeople(List<String> ids, String caller, Map<String, Person> resolved) {
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            if (id.equals(caller)) continue;
            Person p = resolved.get(id);
            if (p == null) {
                throw new EatException("with: could not find who <@" + id + "> is; pick people from Discord's list as you type @.");
            }
            if (p.bot()) throw new EatException("with: takes people; @" + eatbot.eat.Names.shown(p.name()) + " is a bot.");
        }
    }

    /**
     * The "another one" button: the same people (if the presser is one of
     * them; else the presser alone) and the same filters, without the
     * previous pick; no dislike is counted.
     */
    public Reply again(Call call, String customId) {
        AnotherOne.Ask ask = anotherOne.read(customId);
        Suggestion previous = service.suggestion(call.guildId(), ask.previousId())
                .orElseThrow(() -> new EatException("That suggestion is gone; ask again with /eat."));
        SuggestRequest request = SuggestRequest.anotherOne(previous, call.userId(), ask.filters(), ask.at())
                .fromInteraction(call.interactionId());
        return post(service.suggest(request), request, call);
    }

    /** Why better places were not picked, in the guild's time zone, places escaped and people as mentions. */
    private List<String> reasons(Suggestion s, Messages words) {
        Pick p = s.pick();
        if (p == null || p.resting().isEmpty() && p.leftOut() == null) return List.of();
        return new PickText(service.settings(s.guildId()).zone(), s.createdAt(), id -> SuggestionMessage.members(List.of(id), words),
                name -> Text.limit(Text.escape(name), 100), words).reasons(s);
    }

    /** The suggestion as a message, which says so when 👍/👎 cannot work in the caller's channel. */
    private Reply post(Suggestion s, SuggestRequest request, Call call) {
        Messages words = Messages.of(call.locale());
        return SuggestionMessage.of(s, reasons(s, words), anotherOne.customId(s.id(), request.filters(), request.at()), request.filters(), request.at(),
                call.reactionAccess(), words);
    }
}
