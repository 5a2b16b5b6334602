package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.Feedback;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule for one person's several reactions of one kind (👍, 👍🏽, a super 👍):
 * each is its own key; the 👍 counts once, while any of them is there. The rule itself is in
 * {@link EatStoreContract}; here what needs SQLite's own tables (a database from before V6, the variants' rows).
 */
class ReactionVariantsTest {
    private static final String PLAIN = Reaction.variant("👍", false);
    private static final String TONE = Reaction.variant("👍🏽", false);
    private static final String SUPER = Reaction.variant("👍", true);

    @TempDir
    Path dir;

    @Test
    void aReactionRecordedBeforeVariantsWereKeptGoesWithItsRemoval() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("b.db"), 1)) {
            Suggestion s = suggestion(f);
            f.service.react("g", s.id(), "bob", Reaction.LIKE);
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f.file); var st = c.createStatement()) {
                st.execute("DELETE FROM reaction_variants"); // as a database from before V6 has it
            }
            assertTrue(f.service.unreact("g", s.id(), "bob", Reaction.LIKE, TONE).changed(), "no variant known is none left");
            assertEquals(0, likes(f, s));
        }
    }

    @Test
    void forgettingTakesTheVariants() {
        try (Fixture f = new Fixture(dir.resolve("d.db"), 1)) {
            Suggestion s = suggestion(f);
            f.service.react("g", s.id(), "bob", Reaction.LIKE, PLAIN);
            f.service.react("g", s.id(), "bob", Reaction.LIKE, TONE);
            f.service.unreact("g", s.id(), "bob", Reaction.LIKE, PLAIN);
            f.service.react("g", s.id(), "bob", Reaction.DISLIKE, SUPER);
            f.service.privacyForget("g", "bob");
            int left = f.store.database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM reaction_variants")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, left);
        }
    }

    private static Suggestion suggestion(Fixture f) {
        f.service.addPlace("g", "alice", "Pho 99", "");
        return f.service.suggest(SuggestRequest.forUser("g", "alice"));
    }

    private static long likes(Fixture f, Suggestion s) {
        return f.store.feedback("g").stream().filter(Feedback::active).filter(x -> x.reaction() == Reaction.LIKE).count();
    }
}
