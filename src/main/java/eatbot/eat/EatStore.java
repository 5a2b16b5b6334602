package eatbot.eat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the domain needs from storage. Every method is one transaction: it
 * happens completely or not at all. Implementations must make concurrent calls
 * safe (eatbot's SQLite store serialises writes through one writer).
 */
public interface EatStore extends AutoCloseable {

    Optional<GuildSettings> settings(String guildId);

    /** Creates the guild with these settings and starter places unless it exists; true if it was created. */
    boolean createGuild(GuildSettings settings, List<NewOption> starters, Instant now);

    void saveSettings(GuildSettings settings);

    List<Option> options(String guildId, boolean includeArchived);

    Optional<Option> option(String guildId, long optionId);

    /** Adds a place; throws {@link EatException} if an active place has the same name. */
    Option addOption(String guildId, NewOption option, Instant now);

    /** Saves name, tags, link and hours; throws {@link EatException} on a name clash. */
    Option updateOption(Option option);

    void archiveOption(String guildId, long optionId);

    /** The person's feedback step: how many reactions they have given in this guild. */
    long step(String guildId, String userId);

    /** The person's stored evidence per option id (as of each row's step). */
    Map<Long, Preference> preferences(String guildId, String userId);

    /**
     * {@link #preferences} and, when there are any, {@link #step}, in one read:
     * what {@code /eat} needs of each member.
     */
    default Evidence evidence(String guildId, String userId) {
        Map<Long, Preference> prefs = preferences(guildId, userId);
        return new Evidence(prefs, prefs.isEmpty() ? 0 : step(guildId, userId));
    }

    default Suggestion addSuggestion(String guildId, String requestedBy, List<String> members, Option option,
                                     String policy, boolean explored, Instant now) {
        return addSuggestion(guildId, requestedBy, members, option, policy, explored, now, null, null);
    }

    default Suggestion addSuggestion(String guildId, String requestedBy, List<String> members, Option option,
                                     String policy, boolean explored, Instant now, String interactionId) {
        return addSuggestion(guildId, requestedBy, members, option, policy, explored, now, interactionId, null);
    }

    /**
     * Stores a suggestion, once per interaction: when the guild already has one
     * made for {@code interactionId} (a duplicated delivery, another process),
     * that one is returned and nothing is written. A null id (the console) always adds.
     * In the same transaction, what it was decided on ({@code reasons}; null: nothing kept).
     */
    Suggestion addSuggestion(String guildId, String requestedBy, List<String> members, Option option,
                             String policy, boolean explored, Instant now, String interactionId, Reasons reasons);

    /** What the guild's suggestion was decided on; empty when nothing was kept (made before eatbot kept it). */
    default Optional<Reasons> reasons(String guildId, long suggestionId) {
        return Optional.empty();
    }

    Optional<Suggestion> suggestion(String guildId, long suggestionId);

    Optional<Suggestion> suggestionByMessage(String messageId);

    /** The most recent suggestions of the guild, newest first. */
    List<Suggestion> recentSuggestions(String guildId, int limit);

    void attachMessage(long suggestionId, String channelId, String messageId);

    /**
     * Appends a reaction to the log and updates the person's preference in the
     * same transaction. A reaction already active for (suggestion, user,
     * reaction) is not counted again.
     */
    default FeedbackResult addFeedback(Suggestion suggestion, String userId, Reaction reaction, double gamma, Instant now) {
        return addFeedback(suggestion, userId, reaction, reaction.emoji(), gamma, now);
    }

    /**
     * {@link #addFeedback} for one variant of the reaction ({@code 👍🏽}, a super 👍: see
     * {@link Reaction#variant}): the variant is remembered, and the reward counts once
     * per person however many variants they add.
     */
    FeedbackResult addFeedback(Suggestion suggestion, String userId, Reaction reaction, String variant, double gamma, Instant now);

    /** Marks the person's active reaction as retracted and takes it out of the preference. */
    default FeedbackResult retractFeedback(Suggestion suggestion, String userId, Reaction reaction, double gamma, Instant now) {
        return retractFeedback(suggestion, userId, reaction, reaction.emoji(), gamma, now);
    }

    /**
     * Forgets one variant of the person's reaction; the reaction is retracted only when
     * no variant of it is left (one recorded without variants counts as none left).
     */
    FeedbackResult retractFeedback(Suggestion suggestion, String userId, Reaction reaction, String variant, double gamma, Instant now);

    /**
     * Makes {@code reaction} the person's only active reaction to the suggestion,
     * in one transaction: retracts the opposite one (if active) and adds this one.
     * {@code changed} is true when either half changed something. If the add
     * fails, the retraction is not kept either.
     */
    FeedbackResult replaceFeedback(Suggestion suggestion, String userId, Reaction reaction, double gamma, Instant now);

    /** The guild's feedback log, oldest first (retracted entries included). */
    List<Feedback> feedback(String guildId);

    /** Recomputes every preference of the guild from its feedback log (after a change of discount). */
    void rebuildPreferences(String guildId, double gamma);

    // ---- deciding together (vetoes, cold start, history) ----

    /** The guild's active feedback created after {@code since}, oldest first. */
    List<Feedback> feedbackSince(String guildId, Instant since);

    /** The active feedback on these suggestions of the guild, oldest first. */
    List<Feedback> feedbackOn(String guildId, Collection<Long> suggestionIds);

    /**
     * What cold start needs, summed per place: {successes, failures} of every
     * person's preference row in the guild, each discounted by {@code gamma}
     * from its step to the person's current step, the way {@link Preference#at}
     * discounts one person's evidence.
     */
    Map<Long, double[]> placeEvidence(String guildId, double gamma);

    // ---- meals: decided suggestions ----

    /**
     * Decides the suggestion (a meal: its place, its people, now), or undoes
     * the standing decision if there is one: pressing again undoes. Returns the
     * meal, with {@link Meal#undoneAt} set when this call undid it.
     */
    Meal toggleMeal(Suggestion suggestion, String userId, Instant now);

    /** The guild's standing meals decided at or after {@code since}, oldest first. */
    List<Meal> mealsSince(String guildId, Instant since);

    /** The standing meals of these suggestions of the guild. */
    List<Meal> mealsOn(String guildId, Collection<Long> suggestionIds);

    /** The guild's standing vetoes, server-wide and personal. */
    List<Veto> vetoes(String guildId);

    /** Adds a veto; false if the same one was already there. */
    boolean addVeto(String guildId, Veto veto, Instant now);

    /** Lifts a veto; false if there was no such veto. */
    boolean removeVeto(String guildId, Veto veto);

    // ---- privacy and place transfer (default bodies keep other implementations compiling) ----

    /**
     * Adds all these places in one transaction, or none: a name clash with an
     * active place throws {@link EatException} and nothing is added.
     */
    default List<Option> addOptions(String guildId, List<NewOption> options, Instant now) {
        throw new UnsupportedOperationException("this store cannot add places in bulk");
    }

    /** Everything stored about the person in the guild. */
    default PersonalData personalData(String guildId, String userId) {
        throw new UnsupportedOperationException("this store cannot export personal data");
    }

    /**
     * In one transaction: deletes the person's feedback, preferences and step in
     * the guild, replaces their id in suggestions by {@link PersonalData#FORGOTTEN_USER},
     * and removes their name from places they added (the places stay).
     */
    default PersonalData.Forgotten forget(String guildId, String userId) {
        throw new UnsupportedOperationException("this store cannot forget a person");
    }

    @Override
    void close();
}
