package eatbot.eat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Locale;

/** A person's {@link PersonalData} as the JSON document {@code /privacy export} hands them. */
public final class PrivacyExport {
    public static final String FORMAT = "eatbot-personal-data";
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PrivacyExport() {}

    public static String json(PersonalData d, Instant exportedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("guild", d.guildId());
        root.put("user", d.userId());
        root.put("exportedAt", exportedAt.toString());
        root.put("feedbackStep", d.step());
        ArrayNode prefs = root.putArray("preferences");
        for (PersonalData.NamedPreference np : d.preferences()) {
            Preference p = np.preference();
            ObjectNode e = prefs.addObject();
            e.put("place", np.place());
            e.put("placeId", p.optionId());
            e.put("placeRemoved", np.placeRemoved());
            e.put("likes", p.likes());
            e.put("dislikes", p.dislikes());
            e.put("successes", p.successes());
            e.put("failures", p.failures());
            e.put("asOfStep", p.step());
        }
        ArrayNode feedback = root.putArray("feedback");
        for (Feedback f : d.feedback()) {
            ObjectNode e = feedback.addObject();
            e.put("id", f.id());
            e.put("suggestionId", f.suggestionId());
            e.put("placeId", f.optionId());
            e.put("reaction", f.reaction().name().toLowerCase(Locale.ROOT));
            e.put("step", f.step());
            e.put("at", f.createdAt().toString());
            e.put("retractedAt", f.retractedAt() == null ? null : f.retractedAt().toString());
        }
        ArrayNode suggestions = root.putArray("suggestions");
        for (Suggestion s : d.suggestions()) {
            ObjectNode e = suggestions.addObject();
            e.put("id", s.id());
            e.put("requestedBy", s.requestedBy());
            ArrayNode members = e.putArray("members");
            s.members().forEach(members::add);
            e.put("place", s.option().name());
            e.put("placeId", s.option().id());
            e.put("policy", s.policy());
            e.put("explored", s.explored());
            e.put("at", s.createdAt().toString());
        }
        ArrayNode meals = root.putArray("meals");
        for (Meal m : d.meals()) {
            ObjectNode e = meals.addObject();
            e.put("suggestionId", m.suggestionId());
            e.put("place", m.place().name());
            e.put("placeId", m.place().id());
            ArrayNode people = e.putArray("members");
            m.members().forEach(people::add);
            e.put("decidedBy", m.decidedBy());
            e.put("at", m.at().toString());
            e.put("undoneAt", m.undoneAt() == null ? null : m.undoneAt().toString());
        }
        ArrayNode variants = root.putArray("reactionVariants");
        for (PersonalData.ReactionVariant v : d.variants()) {
            ObjectNode e = variants.addObject();
            e.put("suggestionId", v.suggestionId());
            e.put("reaction", v.reaction().name().toLowerCase(Locale.ROOT));
            e.put("variant", v.variant());
        }
        ArrayNode added = root.putArray("placesAdded");
        for (Option o : d.placesAdded()) {
            ObjectNode e = added.addObject();
            e.put("placeId", o.id());
            e.put("name", o.name());
            e.put("removed", o.archived());
        }
        ArrayNode vetoes = root.putArray("vetoes");
        for (Veto v : d.vetoes()) {
            ObjectNode e = vetoes.addObject();
            if (v.placeId() != null) {
                e.put("placeId", v.placeId());
                e.put("place", v.placeName());
            } else {
                e.put("tag", v.tag());
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write personal data as JSON", e);
        }
    }
}
