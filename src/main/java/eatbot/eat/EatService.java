package eatbot.eat;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.GroupRule;
import eatbot.bandit.Policy;
import org.apache.commons.rng.UniformRandomProvider;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eatbot's use cases, shared by every front end: suggest, react, manage places,
 * read and tune settings, show a taste. Front ends pass plain ids and text;
 * errors a user can cause come back as {@link EatException} before anything is
 * written.
 */
public final class EatService {
    public static final int MAX_PLACES = 500;

    private final EatStore store;
    private final GuildSettings defaults;
    private final List<NewOption> starters;
    private final Clock clock;
    private final UniformRandomProvider rng;
    private final Set<String> knownGuilds = ConcurrentHashMap.newKeySet();

    /**
     * @param defaults settings a new guild starts with (its guild id is ignored)
     * @param starters places a new guild starts with
     * @param rng      the random source of every decision; access is serialised
     */
    public EatService(EatStore store, GuildSettings defaults, List<NewOption> starters, Clock clock, UniformRandomProvider rng) {
        this.store = store;
        this.defaults = defaults;
        this.starters = List.copyOf(starters);
        this.clock = clock;
        this.rng = rng;
    }

    private Instant now() {
        return clock.instant();
    }

    // ---- guilds and settings ----

    /** The guild's settings; a guild seen for the first time starts with the defaults and starter places. */
    public GuildSettings settings(String guildId) {
        if (!knownGuilds.contains(guildId)) {
            // mark it known only once it is committed: a concurrent first call must not read before that
            store.createGuild(defaults.forGuild(guildId), starters, now()); // idempotent
            knownGuilds.add(guildId);
        }
        return store.settings(guildId).orElseThrow(() -> new IllegalStateException("guild " + guildId + " vanished"));
    }

    public GuildSettings setPolicy(String guildId, String policy) {
        return save(settings(guildId).withPolicy(policy));
    }

    /** Sets ε (for ε-greedy) and/or c (for UCB1); a null leaves that value as it is. */
    public GuildSettings setExploration(String guildId, Double epsilon, Double c) {
        if (epsilon == null && c == null) throw new EatException("Give epsilon:<0..1> or c:<number above 0>.");
        GuildSettings s = settings(guildId);
        if (epsilon != null) s = s.withEpsilon(epsilon);
        if (c != null) s = s.withUcbC(c);
        return save(s);
    }

    public GuildSettings setPrior(String guildId, double alpha, double beta) {
        return save(settings(guildId).withPrior(alpha, beta));
    }

    /** Lets only members with this role (and admins) add places; null or blank lets everyone. */
    public GuildSettings setAddRole(String guildId, String roleId) {
        return save(settings(guildId).withAddRoleId(roleId == null || roleId.isBlank() ? null : roleId.strip()));
    }

    /** Saves settings; a new discount re-weighs the whole feedback history. */
    public GuildSettings save(GuildSettings s) {
        GuildSettings before = settings(s.guildId());
        store.saveSettings(s);
        if (before.discount() != s.discount()) store.rebuildPreferences(s.guildId(), s.discount());
        return s;
    }

    // ---- places ----

    public List<Option> places(String guildId) {
        settings(guildId);
        return store.options(guildId, false);
    }

    public Option addPlace(String guildId, String userId, String name, String tags) {
        return addPlace(guildId, userId, name, tags, null, null);
    }

    public Option addPlace(String guildId, String userId, String name, String tags, String link, String hours) {
        NewOption o = new NewOption(Names.placeName(name), Names.tags(tags), Names.link(link), hours, userId);
        if (places(guildId).size() >= MAX_PLACES) {
            throw new EatException("This server already has " + MAX_PLACES + " places; remove some first.");
        }
        return store.addOption(guildId, o, now());
    }

    /** The active place with this name (any case, extra spaces ignored). */
    public Option place(String guildId, String name) {
        String key = Names.key(Names.placeName(name));
        return places(guildId).stream().filter(o -> Names.key(o.name()).equals(key)).findFirst()
                .orElseThrow(() -> new EatException("No place called '" + Names.placeName(name) + "'. See /place list."));
    }

    public Option renamePlace(String guildId, String oldName, String newName) {
        Option o = place(guildId, oldName);
        String clean = Names.placeName(newName);
        return store.updateOption(new Option(o.id(), guildId, clean, o.tags(), o.link(), o.hours(), o.addedBy(), false, o.createdAt()));
    }

    /** Archives the place: it is never suggested again, its history stays. */
    public Option removePlace(String guildId, String name) {
        Option o = place(guildId, name);
        store.archiveOption(guildId, o.id());
        return o;
    }

    /** Up to 25 place names starting with (or else containing) what was typed, for autocomplete. */
    public List<String> placeNames(String guildId, String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (Option o : places(guildId)) {
            String n = o.name().toLowerCase(Locale.ROOT);
            if (n.startsWith(t)) starts.add(o.name());
            else if (n.contains(t)) contains.add(o.name());
        }
        starts.addAll(contains);
        return starts.subList(0, Math.min(25, starts.size()));
    }

    // ---- suggestions ----

    public Suggestion suggest(SuggestRequest request) {
        GuildSettings s = settings(request.guildId());
        List<Option> all = store.options(request.guildId(), false);
        if (all.isEmpty()) throw new EatException("There are no places yet. Add one with /place add name:<place>.");
        List<Option> candidates = all.stream().filter(o -> !request.excluded().contains(o.id())).toList();
        if (candidates.isEmpty()) throw new EatException("That was the only place left to suggest. Add more with /place add.");

        Arms[] members = new Arms[request.members().size()];
        for (int m = 0; m < members.length; m++) members[m] = arms(s, request.members().get(m), candidates);
        Policy policy = s.toPolicy();
        GroupRule rule = s.groupRule();
        int chosen;
        boolean explored;
        synchronized (rng) {
            chosen = Choice.forGroup(policy, members, rule, rng);
            int greedy = Choice.greedyForGroup(members, rule, rng);
            double[] means = combinedMeans(members, rule);
            explored = means[chosen] < means[greedy];
        }
        return store.addSuggestion(request.guildId(), request.requestedBy(), request.members(), candidates.get(chosen),
                policy.name(), explored, now());
    }

    private static double[] combinedMeans(Arms[] members, GroupRule rule) {
        double[][] means = new double[members.length][];
        for (int m = 0; m < members.length; m++) {
            means[m] = new double[members[m].size()];
            for (int i = 0; i < means[m].length; i++) means[m][i] = members[m].posteriorMean(i);
        }
        return rule.combine(means);
    }

    /** A person's evidence for these options, discounted to now, on the guild's prior. */
    private Arms arms(GuildSettings s, String userId, List<Option> options) {
        Map<Long, Preference> prefs = store.preferences(s.guildId(), userId);
        long now = prefs.isEmpty() ? 0 : store.step(s.guildId(), userId);
        Arms arms = new Arms(options.size(), s.priorAlpha(), s.priorBeta());
        for (int i = 0; i < options.size(); i++) {
            Preference p = prefs.get(options.get(i).id());
            if (p != null) {
                Preference at = p.at(now, s.discount());
                arms.set(i, at.successes(), at.failures());
            }
        }
        return arms;
    }

    public Optional<Suggestion> suggestion(String guildId, long suggestionId) {
        return store.suggestion(guildId, suggestionId);
    }

    public Optional<Suggestion> suggestionForMessage(String messageId) {
        return store.suggestionByMessage(messageId);
    }

    /** Remembers where the front end posted the suggestion, so reactions there find it. */
    public void attachMessage(Suggestion s, String channelId, String messageId) {
        store.attachMessage(s.id(), channelId, messageId);
    }

    public List<Suggestion> history(String guildId, int limit) {
        settings(guildId);
        return store.recentSuggestions(guildId, Math.max(1, Math.min(limit, 50)));
    }

    // ---- feedback ----

    /** Counts a 👍/👎 by {@code userId} on a suggestion; the same reaction again counts once. */
    public FeedbackResult react(String guildId, long suggestionId, String userId, Reaction reaction) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        return store.addFeedback(s, userId, reaction, settings(guildId).discount(), now());
    }

    /** Takes a removed reaction back out; removing one that was never counted changes nothing. */
    public FeedbackResult unreact(String guildId, long suggestionId, String userId, Reaction reaction) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        return store.retractFeedback(s, userId, reaction, settings(guildId).discount(), now());
    }

    /**
     * Makes {@code reaction} the person's only reaction to the suggestion
     * (retracting the opposite one): how a console user or a button changes their mind.
     */
    public FeedbackResult setReaction(String guildId, long suggestionId, String userId, Reaction reaction) {
        Reaction other = reaction == Reaction.LIKE ? Reaction.DISLIKE : Reaction.LIKE;
        unreact(guildId, suggestionId, userId, other);
        return react(guildId, suggestionId, userId, reaction);
    }

    private Suggestion requireSuggestion(String guildId, long suggestionId) {
        return store.suggestion(guildId, suggestionId)
                .orElseThrow(() -> new EatException("That suggestion does not exist (any more)."));
    }

    // ---- taste ----

    /** The person's posterior for every active place, best first; their 👍/👎 counts beside. */
    public Taste taste(String guildId, String userId) {
        GuildSettings s = settings(guildId);
        List<Option> options = store.options(guildId, false);
        Map<Long, Preference> prefs = store.preferences(guildId, userId);
        long now = prefs.isEmpty() ? 0 : store.step(guildId, userId);
        List<Taste.Entry> entries = new ArrayList<>();
        for (Option o : options) {
            Preference p = prefs.getOrDefault(o.id(), Preference.none(o.id())).at(now, s.discount());
            entries.add(new Taste.Entry(o, s.priorAlpha() + p.successes(), s.priorBeta() + p.failures(), p.likes(), p.dislikes()));
        }
        entries.sort(Comparator.comparingDouble(Taste.Entry::mean).reversed()
                .thenComparing(e -> -(e.likes() + e.dislikes()))
                .thenComparing(e -> e.option().name()));
        return new Taste(userId, entries);
    }

    /** The person's 👍/👎 counts for one place (0/0 if never rated). */
    public Preference preference(String guildId, String userId, long optionId) {
        return store.preferences(guildId, userId).getOrDefault(optionId, Preference.none(optionId));
    }

    // ---- privacy and place transfer (plain text and bytes in and out, for every front end) ----

    /** What /place import did: the places added, and the names that were already there (left unchanged). */
    public record PlaceImport(List<Option> added, List<String> alreadyThere) {
        public PlaceImport {
            added = List.copyOf(added);
            alreadyThere = List.copyOf(alreadyThere);
        }
    }

    /** The guild's active places as a JSON document that {@link #importPlaces} reads back. */
    public String exportPlaces(String guildId) {
        return PlaceTransfer.write(places(guildId));
    }

    /**
     * Imports a places file (see {@link PlaceTransfer}): all or nothing. An entry
     * whose name is already an active place is left as it is and reported, never
     * overwritten; every other entry is added, in one transaction.
     */
    public PlaceImport importPlaces(String guildId, String userId, byte[] json) {
        List<NewOption> entries = PlaceTransfer.read(json, userId);
        Map<String, Option> existing = new java.util.HashMap<>();
        for (Option o : places(guildId)) existing.put(Names.key(o.name()), o);
        List<NewOption> fresh = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (NewOption o : entries) {
            Option there = existing.get(Names.key(o.name()));
            if (there != null) already.add(there.name());
            else fresh.add(o);
        }
        if (existing.size() + fresh.size() > MAX_PLACES) {
            throw new EatException("Importing " + fresh.size() + " new places would make " + (existing.size() + fresh.size())
                    + "; a server can have at most " + MAX_PLACES + ". Nothing was imported.");
        }
        List<Option> added = fresh.isEmpty() ? List.of() : store.addOptions(guildId, fresh, now());
        return new PlaceImport(added, already);
    }

    /** Everything eatbot keeps about the person in this guild. */
    public PersonalData personalData(String guildId, String userId) {
        settings(guildId);
        return store.personalData(guildId, userId);
    }

    /** {@link #personalData} as the JSON document /privacy export hands over. */
    public String privacyExport(String guildId, String userId) {
        return PrivacyExport.json(personalData(guildId, userId), now());
    }

    /**
     * Forgets the person in this guild, in one transaction: their feedback,
     * preferences and feedback step are deleted; their id in suggestions and
     * places they added is removed. The guild's places and others' data stay.
     */
    public PersonalData.Forgotten privacyForget(String guildId, String userId) {
        settings(guildId);
        return store.forget(guildId, userId);
    }
}
