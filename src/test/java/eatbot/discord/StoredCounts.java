package eatbot.discord;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static eatbot.discord.DiscordDouble.awaitCondition;

/** A person's 👍/👎 counts for a place, read straight from the bot's SQLite file: what the Discord tests check. */
final class StoredCounts {
    private StoredCounts() {}

    static List<Integer> of(Path db, String guild, String user, long optionId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT likes, dislikes FROM preferences WHERE guild_id = ? AND user_id = ? AND option_id = ?")) {
            ps.setString(1, guild);
            ps.setString(2, user);
            ps.setLong(3, optionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getInt(1), rs.getInt(2)) : List.of(0, 0);
            }
        }
    }

    /** Waits (with the double's deadline) until the counts are these: reactions are recorded off the gateway thread. */
    static void await(Path db, DiscordDouble.Guild g, String user, long optionId, int likes, int dislikes) {
        awaitCondition(user + " at 👍" + likes + " 👎" + dislikes, () -> {
            try {
                return of(db, g.id(), user, optionId).equals(List.of(likes, dislikes)) ? Optional.of(true) : Optional.empty();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }
}
