package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.Feedback;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code EatService.setReaction} (👎 → 👍): the retraction and the new reaction commit together or not at all.
 * Only SQLite can be made to refuse the second half (a trigger); the plain change of mind is in {@link EatStoreContract}.
 */
class ChangeOfMindTest {
    @TempDir
    Path dir;

    @Test
    void whenTheNewReactionCannotBeWrittenTheOldOneStands() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("b.db"), 1)) {
            f.service.addPlace("g", "alice", "Pho 99", "");
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            f.service.setReaction("g", s.id(), "bob", Reaction.DISLIKE);
            Preference before = f.service.preference("g", "bob", s.option().id());

            // the database itself refuses the second half (a new 👍 row), after the first (retracting 👎) has run
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.file); Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TRIGGER refuse_likes BEFORE INSERT ON feedback WHEN NEW.reward = 1
                        BEGIN SELECT RAISE(ABORT, 'no likes today'); END""");
            }
            RuntimeException e = assertThrows(RuntimeException.class, () -> f.service.setReaction("g", s.id(), "bob", Reaction.LIKE));
            assertTrue(String.valueOf(e.getMessage()).contains("no likes today"), "the add's own failure: " + e);

            assertEquals(List.of(Reaction.DISLIKE), active(f, s), "the 👎 was retracted although the 👍 never came");
            assertEquals(before, f.service.preference("g", "bob", s.option().id()));
            assertEquals(1, f.store.step("g", "bob"));
        }
    }

    private static List<Reaction> active(Fixture f, Suggestion s) {
        return f.store.feedback("g").stream().filter(x -> x.suggestionId() == s.id() && x.userId().equals("bob"))
                .filter(Feedback::active).map(Feedback::reaction).toList();
    }
}
