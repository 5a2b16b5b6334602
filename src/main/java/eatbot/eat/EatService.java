package eatbot.eat;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.GroupRule;
import eatbot.bandit.Policy;
import eatbot.bandit.ThompsonSampling;
import eatbot.plan.BackwardInduction;
import eatbot.plan.PastMeal;
import eatbot.plan.Plan;
import eatbot.plan.PlanPlace;
import eatbot.plan.Reason;
import eatbot.plan.WeekModel;
import org.apache.commons.rng.UniformRandomProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
    /** Settings, places and vetoes per guild: every write to them below goes through {@link #changed}. */
    private final GuildCache cache = new GuildCache();
    /** Cold start's sums per place: reactions below count toward their refresh (see its rule). */
    private final PlaceEvidenceCache placeEvidence = new PlaceEvidenceCache();

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
        return cache.settings(guildId, () -> store.settings(guildId)
                .orElseThrow(() -> new IllegalStateException("guild " + guildId + " vanished")));
    }

    /** The guild's active places (read-only), as {@link #places} without the first-time set-up. */
    private List<Option> activePlaces(String guildId) {
        return cache.places(guildId, () -> store.options(guildId, false));
    }

    private List<Veto> guildVetoes(String guildId) {
        return cache.vetoes(guildId, () -> store.vetoes(guildId));
    }

    /**
     * Drops what is cached of the guilds {@code which} names: this process has just taken them over
     * (a shard's lease), and the process that had them may have changed them meanwhile.
     */
    public void forgetCachedGuilds(java.util.function.Predicate<String> which) {
        cache.forgetAll(which);
        placeEvidence.forgetAll(which);
    }

    /** Runs a write to the guild's settings, places or vetoes, then drops what is cached of it (also when it fails). */
    private <T> T changed(String guildId, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            cache.forget(guildId);
        }
    }

    /**
     * Changes one setting by what an admin typed (option name → text), on either front end:
     * parsed, range-checked and refused by {@link Setting#apply}, then saved.
     */
    public GuildSettings set(String guildId, Setting<?> setting, Map<String, String> typed) {
        return save(setting.apply(settings(guildId), typed));
    }

    // Typed shortcuts for code (tests, benchmarks, the simulator); the front ends use set(…, Setting, typed).

    public GuildSettings setPolicy(String guildId, String policy) {
        return set(guildId, Settings.POLICY, policy == null ? Map.of() : Map.of("name", policy));
    }

    /** Sets ε (for ε-greedy) or c (for UCB1): the number of the policy in use. */
    public GuildSettings setExploration(String guildId, Double epsilon, Double c) {
        Map<String, Object> values = new java.util.HashMap<>();
        if (epsilon != null) values.put("epsilon", epsilon);
        if (c != null) values.put("c", c);
        return save(Settings.EXPLORATION.withValues(settings(guildId), values));
    }

    public GuildSettings setPrior(String guildId, double alpha, double beta) {
        return save(settings(guildId).toBuilder().prior(alpha, beta).build());
    }

    /** Lets only members with this role (and admins) add places; null or blank lets everyone. */
    public GuildSettings setAddRole(String guildId, String roleId) {
        return save(settings(guildId).toBuilder().addRoleId(roleId == null || roleId.isBlank() ? null : roleId.strip()).build());
    }

    /** Saves settings; a new discount re-weighs the whole feedback history. */
    public GuildSettings save(GuildSettings s) {
        GuildSettings before = settings(s.guildId());
        changed(s.guildId(), () -> {
            store.saveSettings(s);
            return null;
        });
        if (before.discount() != s.discount()) {
            store.rebuildPreferences(s.guildId(), s.discount());
            placeEvidence.forget(s.guildId());
        }
        return s;
    }

    // ---- places ----

    /** The guild's active places, by name (a read-only list). */
    public List<Option> places(String guildId) {
        settings(guildId);
        return activePlaces(guildId);
    }

    public Option addPlace(String guildId, String userId, String name, String tags) {
        return addPlace(guildId, userId, name, tags, null, null);
    }

    public Option addPlace(String guildId, String userId, String name, String tags, String link, String hours) {
        NewOption o = new NewOption(Names.placeName(name), Names.placeTags(tags), Names.link(link), hoursText(hours), userId);
        if (places(guildId).size() >= MAX_PLACES) {
            throw EatException.of("refusal.places.full", MAX_PLACES);
        }
        return changed(guildId, () -> store.addOption(guildId, o, now()));
    }

    /** The active place with this name (any case, extra spaces ignored). */
    public Option place(String guildId, String name) {
        String key = Names.key(Names.placeName(name));
        return places(guildId).stream().filter(o -> Names.key(o.name()).equals(key)).findFirst()
                .orElseThrow(() -> EatException.of("refusal.place.unknown", Names.placeName(name)));
    }

    public Option renamePlace(String guildId, String oldName, String newName) {
        Option o = place(guildId, oldName);
        String clean = Names.placeName(newName);
        return changed(guildId, () -> store.updateOption(new Option(o.id(), guildId, clean, o.tags(), o.link(), o.hours(), o.addedBy(), false, o.createdAt())));
    }

    /** Archives the place: it is never suggested again, its history stays. */
    public Option removePlace(String guildId, String name) {
        Option o = place(guildId, name);
        changed(guildId, () -> {
            store.archiveOption(guildId, o.id());
            return null;
        });
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
        List<Option> all = activePlaces(request.guildId());
        if (all.isEmpty()) throw EatException.of("refusal.places.none");
        Running running = candidates(s, request, all);
        List<Option> candidates = running.sieve().left();

        ColdStart cold = coldStart(s);
        Evidence[] evidence = new Evidence[request.members().size()];
        Arms[] members = new Arms[evidence.length];
        for (int m = 0; m < members.length; m++) {
            evidence[m] = store.evidence(s.guildId(), request.members().get(m));
            members[m] = arms(s, cold, evidence[m], candidates);
        }
        Policy policy = s.toPolicy();
        GroupRule rule = s.groupRule();
        int chosen;
        boolean explored;
        Choice.Decision decision;
        double[] means;
        synchronized (rng) {
            decision = Choice.decide(policy, members, rule, rng);
            chosen = decision.arm();
            int greedy = Choice.greedyForGroup(members, rule, rng);
            means = combinedMeans(members, rule);
            explored = means[chosen] < means[greedy];
        }
        Option picked = candidates.get(chosen);
        // kept with the suggestion: /eat why draws this moment's posteriors and draws, not today's
        Reasons why = Reasons.of(rule, decision, request.members(), members, candidates, all.size() - candidates.size(),
                running.sieve().removed());
        // once per interaction: a duplicate delivery gets the suggestion the first one stored (and its reasons)
        Suggestion stored = store.addSuggestion(request.guildId(), request.requestedBy(), request.members(), picked,
                policy.name(), explored, now(), request.interactionId(), why);
        // that one (another process's) may be of another place: describe the place stored, or say nothing
        int at = stored.option().id() == picked.id() ? chosen : -1;
        for (int i = 0; at < 0 && i < candidates.size(); i++) if (candidates.get(i).id() == stored.option().id()) at = i;
        return at < 0 ? stored : stored.withPick(pick(s, cold, running, evidence, means, at, candidates.get(at)));
    }

    /** The places in the running, what the sieve took out and why, and the meals that keep places resting. */
    private record Running(Sieve sieve, Cooldown cooldown, Map<Long, Meal> resting, List<String> members) {}

    /**
     * What the reply says about the pick (see {@link Pick#label}): the group's
     * counts, resting places that rank above it, and the best place for these
     * people when a filter, veto or opening hours took it out.
     */
    private Pick pick(GuildSettings s, ColdStart cold, Running running, Evidence[] evidence, double[] means, int chosen, Option picked) {
        int likes = 0, dislikes = 0;
        int[] memberLikes = new int[evidence.length];
        int[] memberRatings = new int[evidence.length];
        for (int m = 0; m < evidence.length; m++) {
            Preference p = evidence[m].preferences().getOrDefault(picked.id(), Preference.none(picked.id()));
            likes += p.likes();
            dislikes += p.dislikes();
            memberLikes[m] = p.likes();
            memberRatings[m] = p.likes() + p.dislikes();
        }
        List<Option> out = List.copyOf(running.sieve().removed().keySet());
        double[] outMeans = new double[out.size()];
        if (!out.isEmpty()) {
            Arms[] outArms = new Arms[evidence.length];
            for (int m = 0; m < evidence.length; m++) outArms[m] = arms(s, cold, evidence[m], out);
            outMeans = combinedMeans(outArms, s.groupRule());
        }
        double pickMean = means[chosen];
        boolean betterOut = false;
        int best = -1;
        List<Integer> restingAbove = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (outMeans[i] <= pickMean + 1e-9) continue;
            betterOut = true;
            if (best < 0 || outMeans[i] > outMeans[best]) best = i;
            if (Cooldown.STEP.equals(running.sieve().removed().get(out.get(i)))) restingAbove.add(i);
        }
        final double[] om = outMeans;
        restingAbove.sort(Comparator.comparingDouble(i -> -om[i]));
        List<Pick.Resting> resting = new ArrayList<>();
        for (int i : restingAbove) {
            Meal meal = running.resting().get(out.get(i).id());
            List<String> who = meal.members().stream().filter(running.members()::contains).toList();
            resting.add(new Pick.Resting(out.get(i), meal.at(), running.cooldown().until(meal), who));
        }
        // the best of all is only worth a line when the sieve (not the rest after a meal) took it out
        Pick.LeftOut leftOut = null;
        if (best >= 0 && !Cooldown.STEP.equals(running.sieve().removed().get(out.get(best)))) {
            leftOut = new Pick.LeftOut(out.get(best), running.sieve().removed().get(out.get(best)));
        }
        return new Pick(Pick.label(means, chosen, betterOut, memberLikes, memberRatings, s.groupRule()), likes, dislikes, resting, leftOut);
    }

    /**
     * The places this request may get: not excluded, not vetoed (server, then
     * each member), through the request's filters, open at the meal time, and
     * not resting after a recent meal unless nothing else is left. A hard rule
     * that leaves nothing is refused with a message naming it.
     */
    private Running candidates(GuildSettings s, SuggestRequest request, List<Option> all) {
        List<Option> notExcluded = all.stream().filter(o -> !request.excluded().contains(o.id())).toList();
        if (notExcluded.isEmpty()) throw EatException.of("refusal.places.only-one-left");
        Sieve sieve = new Sieve(notExcluded);
        new Vetoes(guildVetoes(s.guildId())).applyTo(sieve, request.members(), request.requestedBy());
        request.filters().applyTo(sieve);
        LocalDateTime when = mealTime(s, request.at());
        sieve.keep("opening hours (" + (request.at() == null ? "now, " : "") + describe(when) + ")", o -> {
            OpeningHours h = OpeningHours.ofStored(o.hours());
            return h == null || h.isOpen(when);
        });
        Cooldown cooldown = new Cooldown(s.cooldownDays());
        Map<Long, Meal> resting = Map.of();
        if (!cooldown.off()) {
            Instant now = now();
            resting = cooldown.resting(store.mealsSince(s.guildId(), cooldown.since(now)), request.members(), now);
            cooldown.applyTo(sieve, resting);
        }
        return new Running(sieve, cooldown, resting, request.members());
    }

    // ---- planning the week ----

    public static final int MAX_PLAN_DAYS = 14;
    private static final ThompsonSampling THOMPSON = new ThompsonSampling();

    /**
     * A plan of {@code days} meals for the request's people, from today if today's
     * meal time has not passed yet, else from tomorrow. Vetoes and filters apply
     * to every day, opening hours to each day at the meal time ({@code at:} or the
     * server's). One posterior draw per person and place, combined by the group
     * rule, is the liking; the plan maximises liking minus the variety penalty over
     * all days (see {@link WeekModel}). No cooldown: variety does its work here.
     */
    public MealPlan plan(SuggestRequest request, int days) {
        checkPlanDays(days);
        if (request.at() != null && request.at().day() != null) {
            throw EatException.of("refusal.plan.at-day");
        }
        GuildSettings s = settings(request.guildId());
        List<Option> all = activePlaces(request.guildId());
        if (all.isEmpty()) throw EatException.of("refusal.places.none");
        Sieve sieve = new Sieve(all);
        new Vetoes(guildVetoes(s.guildId())).applyTo(sieve, request.members(), request.requestedBy());
        request.filters().applyTo(sieve);
        List<Option> places = sieve.left();

        LocalTime mealTime = request.at() == null ? s.mealTime() : request.at().time();
        ZonedDateTime now = now().atZone(s.zone());
        LocalDate first = now.toLocalTime().isAfter(mealTime) ? now.toLocalDate().plusDays(1) : now.toLocalDate();
        boolean[][] open = new boolean[days][places.size()];
        boolean anyOpen = false;
        for (int t = 0; t < days; t++) {
            LocalDateTime when = first.plusDays(t).atTime(mealTime);
            for (int i = 0; i < places.size(); i++) {
                OpeningHours h = OpeningHours.ofStored(places.get(i).hours());
                open[t][i] = h == null || h.isOpen(when);
                anyOpen |= open[t][i];
            }
        }
        if (!anyOpen) {
            throw EatException.of(places.size() == 1 ? (days == 1 ? "refusal.plan.closed.one.day" : "refusal.plan.closed.one.days")
                    : (days == 1 ? "refusal.plan.closed.all.day" : "refusal.plan.closed.all.days"), places.size(), mealTime, days);
        }

        ColdStart cold = coldStart(s);
        Arms[] members = new Arms[request.members().size()];
        for (int m = 0; m < members.length; m++) members[m] = arms(s, cold, store.evidence(s.guildId(), request.members().get(m)), places);
        double[][] draws = new double[members.length][places.size()];
        synchronized (rng) {
            // one draw per person and place for the whole plan: posterior sampling
            for (int m = 0; m < members.length; m++) THOMPSON.score(members[m], rng, draws[m]);
        }
        double[] liking = s.groupRule().combine(draws);
        List<PlanPlace> planPlaces = places.stream().map(o -> new PlanPlace(o.id(), cuisine(o))).toList();
        WeekModel model = new WeekModel(planPlaces, liking, open, s.variety(), pastMeals(s, request.members(), first));
        Plan plan = BackwardInduction.solve(model);
        Reason[] reasons = Reason.of(model, plan, combinedMeans(members, s.groupRule()));
        List<MealPlan.Day> out = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            int a = plan.at(t);
            out.add(new MealPlan.Day(first.plusDays(t), a == WeekModel.NONE ? null : places.get(a), reasons[t]));
        }
        return new MealPlan(request.members(), mealTime, out);
    }

    /** Refuses a plan's length outside 1..{@link #MAX_PLAN_DAYS}: the one message every front end gives. */
    public static int checkPlanDays(int days) {
        if (days < 1 || days > MAX_PLAN_DAYS) throw EatException.of("refusal.plan.days", MAX_PLAN_DAYS, days);
        return days;
    }

    /** A place's cuisine for variety: its tags but the price. */
    private static Set<String> cuisine(Option o) {
        Set<String> c = new java.util.HashSet<>();
        for (String t : o.tags()) if (!t.matches("\\${1,4}")) c.add(t);
        return c;
    }

    /**
     * The decided meals ({@code /eat go}, "We're going") of the {@link WeekModel#MEMORY_DAYS}
     * days before the plan's first day that any of its people ate, each as days before
     * that first day (by the date in the server's zone).
     */
    private List<PastMeal> pastMeals(GuildSettings s, List<String> members, LocalDate first) {
        java.time.Instant since = first.minusDays(WeekModel.MEMORY_DAYS).atStartOfDay(s.zone()).toInstant();
        List<PastMeal> out = new ArrayList<>();
        for (Meal m : store.mealsSince(s.guildId(), since)) {
            if (m.members().stream().noneMatch(members::contains)) continue;
            long before = java.time.temporal.ChronoUnit.DAYS.between(m.at().atZone(s.zone()).toLocalDate(), first);
            if (before >= 1) out.add(new PastMeal((int) before, m.place().id(), cuisine(m.place())));
        }
        return out;
    }

    /** The local time in the guild that opening hours are checked at. */
    private LocalDateTime mealTime(GuildSettings s, MealTime at) {
        ZonedDateTime now = now().atZone(s.zone());
        return at == null ? now.toLocalDateTime() : at.resolve(now);
    }

    private static String describe(LocalDateTime t) {
        String day = t.getDayOfWeek().name();
        return day.charAt(0) + day.substring(1, 3).toLowerCase(Locale.ROOT) + " " + t.toLocalTime().withSecond(0).withNano(0);
    }

    private ColdStart coldStart(GuildSettings s) {
        if (s.coldStartStrength() == 0) return ColdStart.off(s);
        return new ColdStart(s, placeEvidence.get(s.guildId(), s.discount(), () -> store.placeEvidence(s.guildId(), s.discount())));
    }

    private static double[] combinedMeans(Arms[] members, GroupRule rule) {
        double[][] means = new double[members.length][];
        for (int m = 0; m < members.length; m++) {
            means[m] = new double[members[m].size()];
            for (int i = 0; i < means[m].length; i++) means[m][i] = members[m].posteriorMean(i);
        }
        return rule.combine(means);
    }

    /** A person's evidence for these options, discounted to now, on their prior (the guild's, or leaning on the guild's ratings). */
    private static Arms arms(GuildSettings s, ColdStart cold, Evidence evidence, List<Option> options) {
        Map<Long, Preference> prefs = evidence.preferences();
        long now = evidence.step();
        Arms arms = new Arms(options.size(), s.priorAlpha(), s.priorBeta());
        for (int i = 0; i < options.size(); i++) {
            Preference p = prefs.get(options.get(i).id());
            double[] prior = cold.prior(options.get(i).id(), p, now);
            arms.setPrior(i, prior[0], prior[1]);
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

    // ---- meals: deciding to go ----

    /**
     * What {@code /eat go} or the "We're going" button did: {@code meal} is
     * standing when they are now going, undone when the press took a decision
     * back; {@code restsUntil} is when its place stops resting (null when
     * undone, or when the guild's cooldown is off).
     */
    public record Decision(Meal meal, Instant restsUntil) {
        public boolean going() {
            return meal.standing();
        }
    }

    /**
     * Decides the suggestion: its people are going to its place now (a meal),
     * and the place rests for them for the guild's cooldown days. Done again on
     * the same suggestion, by any of its people, it undoes the decision. Only
     * the people it was made for may decide.
     */
    public Decision go(String guildId, long suggestionId, String userId) {
        Suggestion s = decidable(guildId, suggestionId, userId);
        Meal meal = store.toggleMeal(s, userId, now());
        Cooldown cooldown = new Cooldown(settings(guildId).cooldownDays());
        return new Decision(meal, meal.standing() && !cooldown.off() ? cooldown.until(meal) : null);
    }

    /** The suggestion, if this person may decide on it (see {@link #go}); else the one-line refusal. */
    public Suggestion decidable(String guildId, long suggestionId, String userId) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        if (!s.members().contains(userId)) {
            throw EatException.of("refusal.go.not-yours", suggestionId);
        }
        return s;
    }

    /**
     * The guild's decided meals (standing, not undone) at or after {@code since},
     * oldest first: each with its place, its people and when it was decided.
     */
    public List<Meal> meals(String guildId, Instant since) {
        settings(guildId);
        return store.mealsSince(guildId, since);
    }

    // ---- feedback ----

    /** Counts a 👍/👎 by {@code userId} on a suggestion; the same reaction again counts once. */
    public FeedbackResult react(String guildId, long suggestionId, String userId, Reaction reaction) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        return counted(guildId, store.addFeedback(s, userId, reaction, settings(guildId).discount(), now()));
    }

    /**
     * Counts one variant of a 👍/👎 ({@link Reaction#variant}): a person's 👍 and 👍🏽 are one
     * like, which stays while either is there.
     */
    public FeedbackResult react(String guildId, long suggestionId, String userId, Reaction reaction, String variant) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        return counted(guildId, store.addFeedback(s, userId, reaction, variant, settings(guildId).discount(), now()));
    }

    /** Takes a removed reaction back out; removing one that was never counted changes nothing. */
    public FeedbackResult unreact(String guildId, long suggestionId, String userId, Reaction reaction) {
        return unreact(guildId, suggestionId, userId, reaction, reaction.emoji());
    }

    /** Takes one variant away; the reaction is taken out only when no variant of it is left. */
    public FeedbackResult unreact(String guildId, long suggestionId, String userId, Reaction reaction, String variant) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        return counted(guildId, store.retractFeedback(s, userId, reaction, variant, settings(guildId).discount(), now()));
    }

    /**
     * Makes {@code reaction} the person's only reaction to the suggestion
     * (retracting the opposite one): how a console user or a button changes their mind.
     * One transaction: a failure leaves the earlier reaction standing, never neither.
     */
    public FeedbackResult setReaction(String guildId, long suggestionId, String userId, Reaction reaction) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        return counted(guildId, store.replaceFeedback(s, userId, reaction, settings(guildId).discount(), now()));
    }

    private FeedbackResult counted(String guildId, FeedbackResult r) {
        if (r.changed()) placeEvidence.reacted(guildId);
        return r;
    }

    private Suggestion requireSuggestion(String guildId, long suggestionId) {
        return store.suggestion(guildId, suggestionId)
                .orElseThrow(() -> EatException.of("refusal.suggestion.gone"));
    }

    // ---- taste ----

    /** The person's posterior for every active place, best first; their 👍/👎 counts beside. */
    public Taste taste(String guildId, String userId) {
        GuildSettings s = settings(guildId);
        List<Option> options = activePlaces(guildId);
        Evidence evidence = store.evidence(guildId, userId);
        Map<Long, Preference> prefs = evidence.preferences();
        long now = evidence.step();
        ColdStart cold = coldStart(s);
        List<Taste.Entry> entries = new ArrayList<>();
        for (Option o : options) {
            double[] prior = cold.prior(o.id(), prefs.get(o.id()), now);
            Preference p = prefs.getOrDefault(o.id(), Preference.none(o.id())).at(now, s.discount());
            entries.add(new Taste.Entry(o, prior[0] + p.successes(), prior[1] + p.failures(), p.likes(), p.dislikes()));
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

    // ---- deciding together: group settings, vetoes, place details, history, why ----

    public static final int MAX_VETOES = 50;

    /** least-misery, average or product. */
    public GuildSettings setGroupRule(String guildId, String rule) {
        return set(guildId, Settings.GROUP_RULE, rule == null ? Map.of() : Map.of("rule", rule));
    }

    public GuildSettings setCooldown(String guildId, int days) {
        return save(settings(guildId).toBuilder().cooldownDays(days).build());
    }

    /** The discount γ in (0, 1]; the whole feedback history is re-weighed with it. */
    public GuildSettings setGamma(String guildId, double gamma) {
        return save(settings(guildId).toBuilder().discount(gamma).build());
    }

    public GuildSettings setColdStart(String guildId, double strength) {
        return save(settings(guildId).toBuilder().coldStartStrength(strength).build());
    }

    public GuildSettings setTimeZone(String guildId, String zone) {
        return set(guildId, Settings.TIME_ZONE, zone == null ? Map.of() : Map.of("zone", zone));
    }

    public GuildSettings setMealTime(String guildId, String time) {
        return set(guildId, Settings.MEAL_TIME, time == null ? Map.of() : Map.of("time", time));
    }

    public GuildSettings setVariety(String guildId, double variety) {
        return save(settings(guildId).toBuilder().variety(variety).build());
    }

    /**
     * A standing veto of a place (by name) or a tag: for {@code userId}, or for
     * the whole server when {@code userId} is null (the front end checks that
     * the caller is an admin). Exactly one of {@code place} and {@code tag}.
     */
    public Veto veto(String guildId, String userId, String place, String tag) {
        Veto v = vetoTarget(guildId, userId, place, tag);
        List<Veto> existing = guildVetoes(guildId);
        if (existing.stream().anyMatch(v::sameAs)) {
            throw EatException.of(userId == null ? "refusal.veto.server.already" : "refusal.veto.you.already", (eatbot.i18n.Messages.Phrase) v::what);
        }
        if (existing.stream().filter(e -> java.util.Objects.equals(e.userId(), userId)).count() >= MAX_VETOES) {
            throw EatException.of("refusal.veto.too-many", MAX_VETOES);
        }
        changed(guildId, () -> store.addVeto(guildId, v, now()));
        return v;
    }

    /**
     * Lifts a veto set with {@link #veto}. A place is found by name among the
     * caller's (or the server's) vetoes too, so a veto on a place removed since
     * can still be lifted; the active place of that name comes first.
     */
    public Veto liftVeto(String guildId, String userId, String place, String tag) {
        Veto v = standingVeto(guildId, userId, place, tag).orElseGet(() -> vetoTarget(guildId, userId, place, tag));
        if (!changed(guildId, () -> store.removeVeto(guildId, v))) {
            throw EatException.of(userId == null ? "refusal.veto.server.none" : "refusal.veto.you.none", (eatbot.i18n.Messages.Phrase) v::what);
        }
        return v;
    }

    /** The server's vetoes and this person's (all of them when userId is null: what an admin sees). */
    public List<Veto> vetoes(String guildId, String userId) {
        settings(guildId);
        Vetoes all = new Vetoes(guildVetoes(guildId));
        return userId == null ? all.all() : all.visibleTo(userId);
    }

    /** The caller's (or the server's) veto on a place called {@code place}, on the active one first, else on a removed one. */
    private Optional<Veto> standingVeto(String guildId, String userId, String place, String tag) {
        if (place == null || place.isBlank() || (tag != null && !tag.isBlank())) return Optional.empty();
        String key = Names.key(Names.placeName(place));
        settings(guildId);
        return guildVetoes(guildId).stream()
                .filter(v -> java.util.Objects.equals(v.userId(), userId) && v.placeId() != null && v.placeName() != null)
                .filter(v -> Names.key(v.placeName()).equals(key))
                .min(Comparator.comparing(Veto::placeRemoved)); // false (active) first
    }

    private Veto vetoTarget(String guildId, String userId, String place, String tag) {
        boolean hasPlace = place != null && !place.isBlank();
        boolean hasTag = tag != null && !tag.isBlank();
        if (hasPlace == hasTag) throw EatException.of("refusal.veto.give");
        if (hasPlace) {
            Option o = place(guildId, place);
            return new Veto(userId, o.id(), o.name(), null);
        }
        settings(guildId);
        String t = Names.tag(tag);
        if (t.isEmpty()) throw EatException.of("refusal.veto.give");
        return new Veto(userId, null, null, t);
    }

    /**
     * Changes a place's tags, link or opening hours; null leaves a field as it
     * is, {@code none} clears it. Hours are checked (see {@link OpeningHours}).
     */
    public Option editPlace(String guildId, String name, String tags, String link, String hours) {
        Option o = place(guildId, name);
        if (tags == null && link == null && hours == null) throw EatException.of("refusal.place.edit.give");
        List<String> newTags = tags == null ? o.tags() : clears(tags) ? List.of() : Names.placeTags(tags);
        String newLink = link == null ? o.link() : clears(link) ? null : Names.link(link);
        String newHours = hours == null ? o.hours() : clears(hours) ? null : hoursText(hours);
        return changed(guildId, () -> store.updateOption(new Option(o.id(), guildId, o.name(), newTags, newLink, newHours, o.addedBy(), false, o.createdAt())));
    }

    private static boolean clears(String v) {
        return v.isBlank() || v.strip().equalsIgnoreCase("none") || v.strip().equals("-");
    }

    /** Checked opening hours in their canonical form, or null when none are given. */
    private static String hoursText(String hours) {
        return hours == null || hours.isBlank() ? null : OpeningHours.parse(hours).toString();
    }

    /** Whether the place is open now (true when its hours are unknown), in the guild's time zone. */
    public boolean isOpenNow(String guildId, Option o) {
        OpeningHours h = OpeningHours.ofStored(o.hours());
        return h == null || h.isOpen(now().atZone(settings(guildId).zone()).toLocalDateTime());
    }

    /** The guild's last suggestions, newest first, with who said 👍 and who said 👎, and which were decided (meals). */
    public List<PastSuggestion> historyWithReactions(String guildId, int limit) {
        List<Suggestion> recent = history(guildId, HistoryCount.check(limit));
        Map<Long, List<String>> liked = new java.util.HashMap<>();
        Map<Long, List<String>> disliked = new java.util.HashMap<>();
        for (Feedback f : store.feedbackOn(guildId, recent.stream().map(Suggestion::id).toList())) {
            (f.reaction() == Reaction.LIKE ? liked : disliked).computeIfAbsent(f.suggestionId(), k -> new ArrayList<>()).add(f.userId());
        }
        Map<Long, Meal> meals = new java.util.HashMap<>();
        for (Meal m : store.mealsOn(guildId, recent.stream().map(Suggestion::id).toList())) meals.put(m.suggestionId(), m);
        return recent.stream().map(s -> new PastSuggestion(s, liked.getOrDefault(s.id(), List.of()),
                disliked.getOrDefault(s.id(), List.of()), meals.get(s.id()))).toList();
    }

    /**
     * What a suggestion was decided on, for drawing why it was made: the
     * posteriors and scores of that moment, kept with it (see {@link Reasons}).
     * A suggestion made before eatbot kept them is refused with a message.
     */
    public Why why(String guildId, long suggestionId, String userId) {
        Suggestion s = requireSuggestion(guildId, suggestionId);
        Reasons d = store.reasons(guildId, suggestionId).orElseThrow(() -> EatException.of("refusal.why.too-old", suggestionId));
        if (d.members().isEmpty()) throw EatException.of("refusal.why.forgotten", suggestionId);
        Map<Long, Option> byId = new java.util.HashMap<>();
        for (Option o : store.options(guildId, true)) byId.put(o.id(), o); // a place removed since keeps its name
        List<Option> candidates = new ArrayList<>(d.candidates());
        for (long id : d.optionIds()) {
            Option o = byId.get(id);
            candidates.add(o != null ? o : new Option(id, guildId, "place " + id, List.of(), null, null, null, true, s.createdAt()));
        }
        return new Why(s, d, candidates, userId);
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
            throw EatException.of("refusal.import.too-many", fresh.size(), existing.size() + fresh.size(), MAX_PLACES);
        }
        List<Option> added = fresh.isEmpty() ? List.of() : changed(guildId, () -> store.addOptions(guildId, fresh, now()));
        return new PlaceImport(added, already);
    }

    /** Everything eatbot keeps about the person in this guild. */
    public PersonalData personalData(String guildId, String userId) {
        settings(guildId);
        List<Veto> own = guildVetoes(guildId).stream().filter(v -> userId.equals(v.userId())).toList();
        return store.personalData(guildId, userId).withVetoes(own);
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
        // their name leaves the places they added, their vetoes go; their evidence leaves the others' priors
        try {
            return changed(guildId, () -> store.forget(guildId, userId));
        } finally {
            placeEvidence.forget(guildId);
        }
    }
}
