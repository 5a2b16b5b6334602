package eatbot.eat;

import java.util.List;

/**
 * Everything eatbot keeps about one person in one guild: what {@code /privacy
 * export} hands them and {@code /privacy forget} deletes.
 *
 * @param step        how many reactions they have given here (the clock of discounting)
 * @param preferences their learned evidence per place, with the place's name
 * @param feedback    their reactions, oldest first, retracted ones included
 * @param suggestions suggestions they asked for or were part of, oldest first
 * @param placesAdded places they added (these stay when they are forgotten; only their name on it goes)
 * @param vetoes      their own standing vetoes (deleted when they are forgotten)
 * @param meals       meals they were part of or decided, oldest first, undone ones included
 * @param variants    which emoji (👍, 👍🏽, a super 👍…) stand behind their active reactions now
 */
public record PersonalData(String guildId, String userId, long step, List<NamedPreference> preferences,
                           List<Feedback> feedback, List<Suggestion> suggestions, List<Option> placesAdded,
                           List<Veto> vetoes, List<Meal> meals, List<ReactionVariant> variants) {
    public PersonalData {
        preferences = List.copyOf(preferences);
        feedback = List.copyOf(feedback);
        suggestions = List.copyOf(suggestions);
        placesAdded = List.copyOf(placesAdded);
        vetoes = List.copyOf(vetoes);
        meals = List.copyOf(meals);
        variants = List.copyOf(variants);
    }

    public PersonalData withVetoes(List<Veto> v) {
        return new PersonalData(guildId, userId, step, preferences, feedback, suggestions, placesAdded, v, meals, variants);
    }

    /** One emoji variant of the person's standing 👍 or 👎 on a suggestion. */
    public record ReactionVariant(long suggestionId, Reaction reaction, String variant) {}

    /** A preference with the name of its place (which may since have been removed). */
    public record NamedPreference(String place, boolean placeRemoved, Preference preference) {}

    /** What {@code /privacy forget} removed or anonymised. */
    public record Forgotten(int preferences, int feedback, int suggestionsAnonymised, int placesUnattributed) {
        public boolean nothing() {
            return preferences == 0 && feedback == 0 && suggestionsAnonymised == 0 && placesUnattributed == 0;
        }
    }

    /** Who a forgotten person becomes in suggestions (no Discord id or console name looks like this). */
    public static final String FORGOTTEN_USER = "(forgotten)";
}
