package eatbot.store;

import eatbot.eat.Reasons;
import eatbot.eat.EatException;
import eatbot.eat.EatStore;
import eatbot.eat.Evidence;
import eatbot.eat.Feedback;
import eatbot.eat.FeedbackResult;
import eatbot.eat.GuildSettings;
import eatbot.eat.Meal;
import eatbot.eat.Names;
import eatbot.eat.NewOption;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.Setting;
import eatbot.eat.Settings;
import eatbot.eat.Suggestion;
import eatbot.eat.Veto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EatStore} over JDBC, on SQLite or PostgreSQL: all of eatbot's SQL is here, one text for
 * both engines; where they truly differ it asks the {@link Dialect}. Every statement names its
 * guild (see docs/DESIGN.md, "The store and its engines").
 */
public final class JdbcEatStore implements EatStore {
    private static final String OPTION_COLUMNS = "id, guild_id, name, tags, link, hours, added_by, archived, created_at";

    private final Database db;
    private final Dialect dialect;

    public JdbcEatStore(Database db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    public Database database() {
        return db;
    }

    // ---- guilds and settings ----

    @Override
    public Optional<GuildSettings> settings(String guildId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM guilds WHERE id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(settingsOf(rs)) : Optional.empty();
                }
            }
        });
    }

    // The guild's settings columns come from Settings.ALL: a new setting needs its migration, not a change here.
    private static final List<String> SETTING_COLUMNS = Settings.ALL.stream().flatMap(x -> x.stored().columns().stream()).toList();
    private static final String INSERT_GUILD = "INSERT INTO guilds (id, created_at, " + String.join(", ", SETTING_COLUMNS)
            + ") VALUES (?, ?" + ", ?".repeat(SETTING_COLUMNS.size()) + ") ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE_GUILD = "UPDATE guilds SET " + String.join(" = ?, ", SETTING_COLUMNS) + " = ? WHERE id = ?";

    private static GuildSettings settingsOf(ResultSet rs) throws SQLException {
        GuildSettings.Builder b = GuildSettings.defaults().toBuilder().guildId(rs.getString("id"));
        for (Setting<?> x : Settings.ALL) b = read(rs, x, b);
        return b.build();
    }

    private static <T> GuildSettings.Builder read(ResultSet rs, Setting<T> x, GuildSettings.Builder b) throws SQLException {
        if (x.stored().columns().isEmpty()) return b;
        List<Object> values = new ArrayList<>();
        for (String column : x.stored().columns()) values.add(rs.getObject(column));
        return x.set().apply(b, x.stored().read().apply(values));
    }

    @Override
    public boolean createGuild(GuildSettings s, List<NewOption> starters, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_GUILD)) {
                ps.setString(1, s.guildId());
                ps.setString(2, Sql.at(now));
                bindSettings(ps, 3, s);
                if (ps.executeUpdate() == 0) return false;
            }
            for (NewOption o : starters) insertOption(c, s.guildId(), o, now);
            return true;
        });
    }

    /** Binds the settings' columns from {@code i} on; the index after them. */
    private static int bindSettings(PreparedStatement ps, int i, GuildSettings s) throws SQLException {
        for (Setting<?> x : Settings.ALL) {
            for (Object v : stored(x, s)) ps.setObject(i++, v);
        }
        return i;
    }

    private static <T> List<Object> stored(Setting<T> x, GuildSettings s) {
        return x.stored().write().apply(x.get().apply(s));
    }

    @Override
    public void saveSettings(GuildSettings s) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPDATE_GUILD)) {
                ps.setString(bindSettings(ps, 1, s), s.guildId());
                if (ps.executeUpdate() != 1) throw new StoreException("no guild " + s.guildId());
            }
            return null;
        });
    }

    // ---- options ----

    @Override
    public List<Option> options(String guildId, boolean includeArchived) {
        return db.read(c -> {
            String sql = "SELECT " + OPTION_COLUMNS + " FROM options WHERE guild_id = ?"
                    + (includeArchived ? "" : " AND archived = 0") + " ORDER BY name_key, id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, guildId);
                return options(ps);
            }
        });
    }

    @Override
    public Optional<Option> option(String guildId, long optionId) {
        return db.read(c -> optionById(c, guildId, optionId));
    }

    private static Optional<Option> optionById(Connection c, String guildId, long optionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OPTION_COLUMNS + " FROM options WHERE guild_id = ? AND id = ?")) {
            ps.setString(1, guildId);
            ps.setLong(2, optionId);
            return options(ps).stream().findFirst();
        }
    }

    private static List<Option> options(PreparedStatement ps) throws SQLException {
        List<Option> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(optionOf(rs, 0));
        }
        return out;
    }

    private static Option optionOf(ResultSet rs, int offset) throws SQLException {
        String tags = rs.getString(offset + 4);
        return new Option(rs.getLong(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                rs.getString(offset + 5), rs.getString(offset + 6), rs.getString(offset + 7),
                rs.getInt(offset + 8) != 0, Sql.instant(rs, offset + 9));
    }

    @Override
    public Option addOption(String guildId, NewOption o, Instant now) {
        return db.write(c -> insertOption(c, guildId, o, now));
    }

    private static Option insertOption(Connection c, String guildId, NewOption o, Instant now) throws SQLException {
        requireFreeName(c, guildId, o.name(), -1);
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO options (guild_id, name, name_key, tags, link, hours, added_by, archived, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id""")) {
            ps.setString(1, guildId);
            ps.setString(2, o.name());
            ps.setString(3, Names.key(o.name()));
            ps.setString(4, String.join(",", o.tags()));
            ps.setString(5, o.link());
            ps.setString(6, o.hours());
            ps.setString(7, o.addedBy());
            ps.setString(8, Sql.at(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        return new Option(id, guildId, o.name(), o.tags(), o.link(), o.hours(), o.addedBy(), false, now);
    }

    private static void requireFreeName(Connection c, String guildId, String name, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM options WHERE guild_id = ? AND name_key = ? AND archived = 0 AND id <> ?")) {
            ps.setString(1, guildId);
            ps.setString(2, Names.key(name));
            ps.setLong(3, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) throw new EatException("There is already a place called '" + rs.getString(1) + "'.");
            }
        }
    }

    @Override
    public Option updateOption(Option o) {
        return db.write(c -> {
            requireFreeName(c, o.guildId(), o.name(), o.id());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE options SET name = ?, name_key = ?, tags = ?, link = ?, hours = ? WHERE guild_id = ? AND id = ?")) {
                ps.setString(1, o.name());
                ps.setString(2, Names.key(o.name()));
                ps.setString(3, String.join(",", o.tags()));
                ps.setString(4, o.link());
                ps.setString(5, o.hours());
                ps.setString(6, o.guildId());
                ps.setLong(7, o.id());
                if (ps.executeUpdate() != 1) throw new EatException("That place no longer exists.");
            }
            return o;
        });
    }

    @Override
    public void archiveOption(String guildId, long optionId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE options SET archived = 1 WHERE guild_id = ? AND id = ?")) {
                ps.setString(1, guildId);
                ps.setLong(2, optionId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- preferences ----

    @Override
    public long step(String guildId, String userId) {
        return db.read(c -> step(c, guildId, userId));
    }

    private static long step(Connection c, String guildId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT step FROM user_steps WHERE guild_id = ? AND user_id = ?")) {
            ps.setString(1, guildId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public Map<Long, Preference> preferences(String guildId, String userId) {
        return db.read(c -> {
            Map<Long, Preference> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT option_id, successes, failures, likes, dislikes, step FROM preferences WHERE guild_id = ? AND user_id = ?")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Preference p = preferenceOf(rs);
                        out.put(p.optionId(), p);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Evidence evidence(String guildId, String userId) {
        return db.read(c -> {
            Map<Long, Preference> out = new HashMap<>();
            long step = 0;
            // the step rides along as a constant subquery (SQLite evaluates it once): one statement, not two
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT option_id, successes, failures, likes, dislikes, step,
                           (SELECT step FROM user_steps WHERE guild_id = ? AND user_id = ?)
                    FROM preferences WHERE guild_id = ? AND user_id = ?""")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                ps.setString(3, guildId);
                ps.setString(4, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Preference p = preferenceOf(rs);
                        out.put(p.optionId(), p);
                        step = rs.getLong(7); // 0 when NULL: no step row
                    }
                }
            }
            return new Evidence(out, step);
        });
    }

    private static Preference preferenceOf(ResultSet rs) throws SQLException {
        return new Preference(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5), rs.getLong(6));
    }

    private static Preference preference(Connection c, String guildId, String userId, long optionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT option_id, successes, failures, likes, dislikes, step FROM preferences WHERE guild_id = ? AND user_id = ? AND option_id = ?")) {
            ps.setString(1, guildId);
            ps.setString(2, userId);
            ps.setLong(3, optionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? preferenceOf(rs) : Preference.none(optionId);
            }
        }
    }

    private static void savePreference(Connection c, String guildId, String userId, Preference p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO preferences (guild_id, user_id, option_id, successes, failures, likes, dislikes, step)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (guild_id, user_id, option_id) DO UPDATE SET
                  successes = excluded.successes, failures = excluded.failures, likes = excluded.likes,
                  dislikes = excluded.dislikes, step = excluded.step""")) {
            ps.setString(1, guildId);
            ps.setString(2, userId);
            ps.setLong(3, p.optionId());
            ps.setDouble(4, p.successes());
            ps.setDouble(5, p.failures());
            ps.setInt(6, p.likes());
            ps.setInt(7, p.dislikes());
            ps.setLong(8, p.step());
            ps.executeUpdate();
        }
    }

    // ---- suggestions ----

    private static final String SUGGESTION_QUERY = "SELECT s.id, s.guild_id, s.requested_by, s.members, s.policy, s.explored, "
            + "s.created_at, s.channel_id, s.message_id, o.id, o.guild_id, o.name, o.tags, o.link, o.hours, o.added_by, "
            + "o.archived, o.created_at FROM suggestions s JOIN options o ON o.guild_id = s.guild_id AND o.id = s.option_id ";

    @Override
    public Suggestion addSuggestion(String guildId, String requestedBy, List<String> members, Option option,
                                    String policy, boolean explored, Instant now, String interactionId, Reasons reasons) {
        // a suggestion is not feedback: it need not survive a power loss (see Database.Durability.RELAXED)
        Long id = db.write(Database.Durability.RELAXED, c -> {
            Long added;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO suggestions (guild_id, requested_by, members, option_id, policy, explored, created_at, interaction_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")) { // one statement on the writer, not two
                ps.setString(1, guildId);
                ps.setString(2, requestedBy);
                ps.setString(3, String.join(",", members));
                ps.setLong(4, option.id());
                ps.setString(5, policy);
                ps.setInt(6, explored ? 1 : 0);
                ps.setString(7, Sql.at(now));
                ps.setString(8, interactionId);
                try (ResultSet rs = ps.executeQuery()) {
                    added = rs.next() ? rs.getLong(1) : null; // none: this interaction's suggestion is already there
                }
            }
            if (added != null) insertMembers(c, guildId, added, members);
            if (added != null && reasons != null) ReasonsRows.insert(c, guildId, added, reasons); // with its suggestion, once
            return added;
        });
        if (id == null) {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(SUGGESTION_QUERY + "WHERE s.guild_id = ? AND s.interaction_id = ?")) {
                    ps.setString(1, guildId);
                    ps.setString(2, interactionId);
                    return suggestions(ps).stream().findFirst()
                            .orElseThrow(() -> new StoreException("suggestion of interaction " + interactionId + " vanished"));
                }
            });
        }
        return new Suggestion(id, guildId, requestedBy, members, option, policy, explored, now, null, null);
    }

    /** True where the person (the one bound parameter) was one of suggestion s's members. */
    private static final String WAS_MEMBER = "EXISTS (SELECT 1 FROM suggestion_members sm "
            + "WHERE sm.guild_id = s.guild_id AND sm.suggestion_id = s.id AND sm.user_id = ?)";

    private static void insertMembers(Connection c, String guildId, long suggestionId, List<String> members) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO suggestion_members (guild_id, suggestion_id, position, user_id) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < members.size(); i++) {
                ps.setString(1, guildId);
                ps.setLong(2, suggestionId);
                ps.setInt(3, i + 1);
                ps.setString(4, members.get(i));
                ps.executeUpdate();
            }
        }
    }

    @Override
    public Optional<Suggestion> suggestion(String guildId, long suggestionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SUGGESTION_QUERY + "WHERE s.guild_id = ? AND s.id = ?")) {
                ps.setString(1, guildId);
                ps.setLong(2, suggestionId);
                return suggestions(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Reasons> reasons(String guildId, long suggestionId) {
        return db.read(c -> ReasonsRows.read(c, guildId, suggestionId));
    }

    @Override
    public Optional<Suggestion> suggestionByMessage(String messageId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SUGGESTION_QUERY + "WHERE s.message_id = ?")) {
                ps.setString(1, messageId);
                return suggestions(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<Suggestion> recentSuggestions(String guildId, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SUGGESTION_QUERY + "WHERE s.guild_id = ? ORDER BY s.id DESC LIMIT ?")) {
                ps.setString(1, guildId);
                ps.setInt(2, limit);
                return suggestions(ps);
            }
        });
    }

    private static List<Suggestion> suggestions(PreparedStatement ps) throws SQLException {
        List<Suggestion> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Option o = optionOf(rs, 9);
                out.add(new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Arrays.asList(rs.getString(4).split(",")), o, rs.getString(5), rs.getInt(6) != 0,
                        Sql.instant(rs, 7), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    @Override
    public void attachMessage(long suggestionId, String channelId, String messageId) {
        db.write(Database.Durability.RELAXED, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE suggestions SET channel_id = ?, message_id = ? WHERE id = ?")) {
                ps.setString(1, channelId);
                ps.setString(2, messageId);
                ps.setLong(3, suggestionId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- feedback ----

    @Override
    public FeedbackResult addFeedback(Suggestion s, String userId, Reaction reaction, String variant, double gamma, Instant now) {
        return db.write(feedbackWork(s, userId, reaction, variant, gamma, now));
    }

    /**
     * {@link #addFeedback}, acknowledged asynchronously: the future completes
     * once the commit holding the event is durable. Lets a busy producer keep
     * many events in flight so they share commits (see Database's group commit).
     */
    public java.util.concurrent.CompletableFuture<FeedbackResult> submitFeedback(Suggestion s, String userId, Reaction reaction,
                                                                                double gamma, Instant now) {
        return db.submit(feedbackWork(s, userId, reaction, reaction.emoji(), gamma, now));
    }

    /**
     * One reaction in four statements: the variant (a repeat adds nothing), the log row
     * (its step read from user_steps inside the insert; the partial unique index on active
     * rows turns a repeat, or a second variant, into no row at all), the step, and the
     * preference row discounted and added to in SQL, returned by the upsert.
     * Repeatable: it only touches the database.
     */
    private static Database.RepeatableWork<FeedbackResult> feedbackWork(Suggestion s, String userId, Reaction reaction,
                                                                       String variant, double gamma, Instant now) {
        return c -> {
            long optionId = s.option().id();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reaction_variants (suggestion_id, user_id, reward, variant, guild_id) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                ps.setLong(1, s.id());
                ps.setString(2, userId);
                ps.setInt(3, reaction.reward());
                ps.setString(4, variant);
                ps.setString(5, s.guildId());
                ps.executeUpdate();
            }
            long step;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO feedback (guild_id, suggestion_id, user_id, option_id, reward, step, created_at)
                    VALUES (?, ?, ?, ?, ?, coalesce((SELECT step FROM user_steps WHERE guild_id = ? AND user_id = ?), 0) + 1, ?)
                    ON CONFLICT DO NOTHING RETURNING step""")) {
                ps.setString(1, s.guildId());
                ps.setLong(2, s.id());
                ps.setString(3, userId);
                ps.setLong(4, optionId);
                ps.setInt(5, reaction.reward());
                ps.setString(6, s.guildId());
                ps.setString(7, userId);
                ps.setString(8, Sql.at(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return new FeedbackResult(false, preference(c, s.guildId(), userId, optionId)); // a repeat
                    step = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO user_steps (guild_id, user_id, step) VALUES (?, ?, ?)
                    ON CONFLICT (guild_id, user_id) DO UPDATE SET step = excluded.step""")) {
                ps.setString(1, s.guildId());
                ps.setString(2, userId);
                ps.setLong(3, step);
                ps.executeUpdate();
            }
            return new FeedbackResult(true, addToPreference(c, s.guildId(), userId, optionId, reaction, step, gamma));
        };
    }

    /**
     * {@code Preference.plus} in one upsert: the stored evidence discounted from its
     * step to {@code step} by gamma^(step − its step), then the event added.
     */
    private static Preference addToPreference(Connection c, String guildId, String userId, long optionId, Reaction r,
                                              long step, double gamma) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO preferences AS p (guild_id, user_id, option_id, successes, failures, likes, dislikes, step)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (guild_id, user_id, option_id) DO UPDATE SET
                  successes = CASE WHEN ? = 1.0 OR p.step = excluded.step THEN p.successes
                                   ELSE p.successes * power(?, excluded.step - p.step) END + excluded.successes,
                  failures  = CASE WHEN ? = 1.0 OR p.step = excluded.step THEN p.failures
                                   ELSE p.failures * power(?, excluded.step - p.step) END + excluded.failures,
                  likes = p.likes + excluded.likes, dislikes = p.dislikes + excluded.dislikes, step = excluded.step
                RETURNING option_id, successes, failures, likes, dislikes, step""")) {
            boolean like = r == Reaction.LIKE;
            ps.setString(1, guildId);
            ps.setString(2, userId);
            ps.setLong(3, optionId);
            ps.setDouble(4, r.reward());
            ps.setDouble(5, 1 - r.reward());
            ps.setInt(6, like ? 1 : 0);
            ps.setInt(7, like ? 0 : 1);
            ps.setLong(8, step);
            for (int i = 9; i <= 12; i++) ps.setDouble(i, gamma);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return preferenceOf(rs);
            }
        }
    }

    @Override
    public FeedbackResult retractFeedback(Suggestion s, String userId, Reaction reaction, String variant, double gamma, Instant now) {
        return db.write(c -> {
            // this variant goes; the reaction stays counted while another variant of it is there
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM reaction_variants WHERE guild_id = ? AND suggestion_id = ? AND user_id = ? AND reward = ? AND variant = ?")) {
                ps.setString(1, s.guildId());
                ps.setLong(2, s.id());
                ps.setString(3, userId);
                ps.setInt(4, reaction.reward());
                ps.setString(5, variant);
                ps.executeUpdate();
            }
            if (variantsLeft(c, s.guildId(), s.id(), userId, reaction)) {
                return new FeedbackResult(false, preference(c, s.guildId(), userId, s.option().id()));
            }
            return retractionWork(s, userId, reaction, gamma, now).run(c);
        });
    }

    private static boolean variantsLeft(Connection c, String guildId, long suggestionId, String userId, Reaction r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM reaction_variants WHERE guild_id = ? AND suggestion_id = ? AND user_id = ? AND reward = ? LIMIT 1")) {
            ps.setString(1, guildId);
            ps.setLong(2, suggestionId);
            ps.setString(3, userId);
            ps.setInt(4, r.reward());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** {@link #retractFeedback}, acknowledged asynchronously like {@link #submitFeedback}. */
    public java.util.concurrent.CompletableFuture<FeedbackResult> submitRetraction(Suggestion s, String userId, Reaction reaction,
                                                                                  double gamma, Instant now) {
        return db.submit(retractionWork(s, userId, reaction, gamma, now));
    }

    private static Database.RepeatableWork<FeedbackResult> retractionWork(Suggestion s, String userId, Reaction reaction,
                                                                         double gamma, Instant now) {
        return c -> {
            long optionId = s.option().id();
            // a retraction is of the whole reaction: every variant of it goes too
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM reaction_variants WHERE guild_id = ? AND suggestion_id = ? AND user_id = ? AND reward = ?")) {
                ps.setString(1, s.guildId());
                ps.setLong(2, s.id());
                ps.setString(3, userId);
                ps.setInt(4, reaction.reward());
                ps.executeUpdate();
            }
            long[] active = activeFeedback(c, s.guildId(), s.id(), userId, reaction);
            if (active == null) return new FeedbackResult(false, preference(c, s.guildId(), userId, optionId));
            try (PreparedStatement ps = c.prepareStatement("UPDATE feedback SET retracted_at = ? WHERE guild_id = ? AND id = ?")) {
                ps.setString(1, Sql.at(now));
                ps.setString(2, s.guildId());
                ps.setLong(3, active[0]);
                ps.executeUpdate();
            }
            Preference p = preference(c, s.guildId(), userId, optionId).minus(reaction, active[1], gamma);
            savePreference(c, s.guildId(), userId, p);
            return new FeedbackResult(true, p);
        };
    }

    @Override
    public FeedbackResult replaceFeedback(Suggestion s, String userId, Reaction reaction, double gamma, Instant now) {
        Database.RepeatableWork<FeedbackResult> retract = retractionWork(s, userId, reaction.opposite(), gamma, now);
        Database.RepeatableWork<FeedbackResult> add = feedbackWork(s, userId, reaction, reaction.emoji(), gamma, now);
        // one writer task: if the add throws, the task's savepoint (or the bare batch) is rolled back, retraction included
        Database.RepeatableWork<FeedbackResult> both = c -> {
            boolean retracted = retract.run(c).changed();
            FeedbackResult added = add.run(c);
            return new FeedbackResult(retracted || added.changed(), added.preference());
        };
        return db.write(both);
    }

    /** {id, step} of the active event, or null. */
    private static long[] activeFeedback(Connection c, String guildId, long suggestionId, String userId, Reaction r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, step FROM feedback WHERE guild_id = ? AND suggestion_id = ? AND user_id = ? AND reward = ? AND retracted_at IS NULL")) {
            ps.setString(1, guildId);
            ps.setLong(2, suggestionId);
            ps.setString(3, userId);
            ps.setInt(4, r.reward());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    @Override
    public List<Feedback> feedback(String guildId) {
        return db.read(c -> feedbackLog(c, guildId));
    }

    private static List<Feedback> feedbackLog(Connection c, String guildId) throws SQLException {
        List<Feedback> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, guild_id, suggestion_id, user_id, option_id, reward, step, created_at, retracted_at
                FROM feedback WHERE guild_id = ? ORDER BY id""")) {
            ps.setString(1, guildId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(feedbackOf(rs));
                }
            }
        }
        return out;
    }

    @Override
    public void rebuildPreferences(String guildId, double gamma) {
        db.write(c -> {
            List<Feedback> log = feedbackLog(c, guildId); // inside the write: no event slips between read and rewrite
            // each person's clock is their latest step; every row is expressed as of it
            Map<String, Long> now = new HashMap<>();
            for (Feedback f : log) now.merge(f.userId(), f.step(), Math::max);
            Map<String, Map<Long, Preference>> rows = new HashMap<>();
            for (Feedback f : log) {
                if (!f.active()) continue;
                long t = now.get(f.userId());
                double w = Preference.weight(gamma, t - f.step());
                rows.computeIfAbsent(f.userId(), u -> new HashMap<>()).merge(f.optionId(),
                        new Preference(f.optionId(), f.reaction() == Reaction.LIKE ? w : 0, f.reaction() == Reaction.DISLIKE ? w : 0,
                                f.reaction() == Reaction.LIKE ? 1 : 0, f.reaction() == Reaction.DISLIKE ? 1 : 0, t),
                        (a, b) -> new Preference(a.optionId(), a.successes() + b.successes(), a.failures() + b.failures(),
                                a.likes() + b.likes(), a.dislikes() + b.dislikes(), t));
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM preferences WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                ps.executeUpdate();
            }
            for (var user : rows.entrySet()) {
                for (Preference p : user.getValue().values()) savePreference(c, guildId, user.getKey(), p);
            }
            return null;
        });
    }

    // ---- deciding together (vetoes, cooldown, cold start, history) ----

    @Override
    public List<Feedback> feedbackSince(String guildId, Instant since) {
        return db.read(c -> {
            return feedbackWhere(c, FEEDBACK_SINCE, ps -> { ps.setString(1, guildId); ps.setString(2, Sql.at(since)); });
        });
    }

    @Override
    public List<Feedback> feedbackOn(String guildId, Collection<Long> suggestionIds) {
        if (suggestionIds.isEmpty()) return List.of();
        List<Long> ids = List.copyOf(suggestionIds);
        return db.read(c -> feedbackWhere(c, feedbackOnWhere(dialect, ids.size()), ps -> {
            ps.setString(1, guildId);
            for (int i = 0; i < ids.size(); i++) ps.setLong(i + 2, ids.get(i));
        }));
    }

    // The feedback queries' conditions, package-visible so QueryPlanTest explains exactly these.

    /** The guild's active feedback since a time: a range of feedback_recent (guild_id, created_at). */
    static final String FEEDBACK_SINCE = "guild_id = ? AND retracted_at IS NULL AND created_at > ?";

    /**
     * The active feedback on these suggestions: feedback_active (…, suggestion_id, …). On SQLite a unary + keeps
     * guild_id (still checked) from being used as an index key: without statistics SQLite rates
     * "guild_id = ?" on feedback_recent cheaper than a few suggestion ids, and walks the whole guild.
     */
    static String feedbackOnWhere(Dialect dialect, int suggestions) {
        return dialect.notAnIndexKey("guild_id") + " = ? AND retracted_at IS NULL AND suggestion_id IN (" + marks(suggestions) + ")";
    }

    /** One person's feedback in the guild, retracted included: feedback_user. */
    static final String PERSON_FEEDBACK = "guild_id = ? AND user_id = ?";

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    static String feedbackQuery(String where) {
        return "SELECT id, guild_id, suggestion_id, user_id, option_id, reward, step, created_at, retracted_at FROM feedback WHERE "
                + where + " ORDER BY id";
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<Feedback> feedbackWhere(Connection c, String where, Binder binder) throws SQLException {
        List<Feedback> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(feedbackQuery(where))) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(feedbackOf(rs));
            }
        }
        return out;
    }

    private static Feedback feedbackOf(ResultSet rs) throws SQLException {
        return new Feedback(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getLong(5), Reaction.ofReward(rs.getInt(6)), rs.getLong(7), Sql.instant(rs, 8), Sql.instant(rs, 9));
    }

    /** Every person's stored evidence in the guild (as of each row's step): for audits and tests, not a use case. */
    public Map<String, Map<Long, Preference>> guildPreferences(String guildId) {
        return db.read(c -> {
            Map<String, Map<Long, Preference>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT option_id, successes, failures, likes, dislikes, step, user_id FROM preferences WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Preference p = preferenceOf(rs);
                        out.computeIfAbsent(rs.getString(7), u -> new HashMap<>()).put(p.optionId(), p);
                    }
                }
            }
            return out;
        });
    }

    /**
     * Summed in SQL: one pass over the guild's preference rows (the primary key's
     * guild prefix), each person's step found by primary key, and a row per place
     * back instead of a row per person and place.
     */
    @Override
    public Map<Long, double[]> placeEvidence(String guildId, double gamma) {
        return db.read(c -> {
            Map<Long, double[]> out = new HashMap<>();
            // Preference.at(max(person's step, row's step)): no discount when γ = 1 or the row is as of now
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.option_id,
                           sum(CASE WHEN ? = 1.0 OR s.step IS NULL OR s.step <= p.step THEN p.successes
                                    ELSE p.successes * power(?, s.step - p.step) END),
                           sum(CASE WHEN ? = 1.0 OR s.step IS NULL OR s.step <= p.step THEN p.failures
                                    ELSE p.failures * power(?, s.step - p.step) END)
                    FROM preferences p LEFT JOIN user_steps s ON s.guild_id = p.guild_id AND s.user_id = p.user_id
                    WHERE p.guild_id = ? GROUP BY p.option_id""")) {
                for (int i = 1; i <= 4; i++) ps.setDouble(i, gamma);
                ps.setString(5, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
            return out;
        });
    }

    /** Every person's feedback step in the guild: for audits and tests. */
    public Map<String, Long> steps(String guildId) {
        return db.read(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, step FROM user_steps WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    @Override
    public List<Veto> vetoes(String guildId) {
        return db.read(c -> {
            List<Veto> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT v.user_id, v.place_id, o.name, v.tag, o.archived FROM vetoes v LEFT JOIN options o ON o.guild_id = v.guild_id AND o.id = v.place_id
                    WHERE v.guild_id = ? ORDER BY v.id""")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        long place = rs.getLong(2);
                        boolean isPlace = !rs.wasNull();
                        out.add(new Veto(user.isEmpty() ? null : user, isPlace ? place : null, rs.getString(3), rs.getString(4),
                                isPlace && rs.getInt(5) != 0));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean addVeto(String guildId, Veto v, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO vetoes (guild_id, user_id, place_id, tag, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                ps.setString(1, guildId);
                ps.setString(2, v.userId() == null ? "" : v.userId());
                if (v.placeId() == null) ps.setNull(3, java.sql.Types.INTEGER); else ps.setLong(3, v.placeId());
                ps.setString(4, v.tag());
                ps.setString(5, Sql.at(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean removeVeto(String guildId, Veto v) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM vetoes WHERE guild_id = ? AND user_id = ? AND coalesce(place_id, 0) = ? AND coalesce(tag, '') = ?""")) {
                ps.setString(1, guildId);
                ps.setString(2, v.userId() == null ? "" : v.userId());
                ps.setLong(3, v.placeId() == null ? 0 : v.placeId());
                ps.setString(4, v.tag() == null ? "" : v.tag());
                return ps.executeUpdate() == 1;
            }
        });
    }

    // ---- meals (decided suggestions) ----

    private static final String MEAL_QUERY = "SELECT m.id, m.guild_id, m.suggestion_id, s.members, m.decided_by, m.decided_at, m.undone_at, "
            + "o.id, o.guild_id, o.name, o.tags, o.link, o.hours, o.added_by, o.archived, o.created_at "
            + "FROM meals m JOIN suggestions s ON s.guild_id = m.guild_id AND s.id = m.suggestion_id "
            + "JOIN options o ON o.guild_id = s.guild_id AND o.id = s.option_id WHERE ";

    /** A guild's standing meals since a time: a range of meals_recent (guild_id, decided_at). */
    static final String MEALS_SINCE = "m.guild_id = ? AND m.decided_at >= ? AND m.undone_at IS NULL";

    @Override
    public Meal toggleMeal(Suggestion s, String userId, Instant now) {
        return db.write(c -> {
            Long standing = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM meals WHERE guild_id = ? AND suggestion_id = ? AND undone_at IS NULL")) {
                ps.setString(1, s.guildId());
                ps.setLong(2, s.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) standing = rs.getLong(1);
                }
            }
            if (standing != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE meals SET undone_at = ? WHERE guild_id = ? AND id = ?")) {
                    ps.setString(1, Sql.at(now));
                    ps.setString(2, s.guildId());
                    ps.setLong(3, standing);
                    ps.executeUpdate();
                }
                long undone = standing;
                return meals(c, "m.guild_id = ? AND m.id = ?", ps -> { ps.setString(1, s.guildId()); ps.setLong(2, undone); }).get(0);
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meals (guild_id, suggestion_id, decided_by, decided_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, s.guildId());
                ps.setLong(2, s.id());
                ps.setString(3, userId);
                ps.setString(4, Sql.at(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            return meals(c, "m.guild_id = ? AND m.id = ?", ps -> { ps.setString(1, s.guildId()); ps.setLong(2, id); }).get(0);
        });
    }

    @Override
    public List<Meal> mealsSince(String guildId, Instant since) {
        return db.read(c -> {
            return meals(c, MEALS_SINCE, ps -> { ps.setString(1, guildId); ps.setString(2, Sql.at(since)); });
        });
    }

    @Override
    public List<Meal> mealsOn(String guildId, Collection<Long> suggestionIds) {
        if (suggestionIds.isEmpty()) return List.of();
        List<Long> ids = List.copyOf(suggestionIds);
        return db.read(c -> meals(c, "m.guild_id = ? AND m.undone_at IS NULL AND m.suggestion_id IN (" + marks(ids.size()) + ")", ps -> {
            ps.setString(1, guildId);
            for (int i = 0; i < ids.size(); i++) ps.setLong(i + 2, ids.get(i));
        }));
    }

    static String mealQuery(String where) {
        return MEAL_QUERY + where + " ORDER BY m.id";
    }

    private static List<Meal> meals(Connection c, String where, Binder binder) throws SQLException {
        List<Meal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(mealQuery(where))) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Meal(rs.getLong(1), rs.getString(2), rs.getLong(3), optionOf(rs, 7),
                            Arrays.asList(rs.getString(4).split(",")), rs.getString(5), Sql.instant(rs, 6), Sql.instant(rs, 7)));
                }
            }
        }
        return out;
    }

    // ---- place transfer and privacy ----

    @Override
    public List<Option> addOptions(String guildId, List<NewOption> options, Instant now) {
        // one write task: a clash throws, and the writer rolls back this task's savepoint whole
        return db.write(c -> {
            List<Option> out = new ArrayList<>();
            for (NewOption o : options) out.add(insertOption(c, guildId, o, now));
            return out;
        });
    }

    @Override
    public PersonalData personalData(String guildId, String userId) {
        return db.read(c -> {
            List<PersonalData.NamedPreference> prefs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.option_id, p.successes, p.failures, p.likes, p.dislikes, p.step, o.name, o.archived
                    FROM preferences p JOIN options o ON o.guild_id = p.guild_id AND o.id = p.option_id
                    WHERE p.guild_id = ? AND p.user_id = ? ORDER BY o.name_key, o.id""")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) prefs.add(new PersonalData.NamedPreference(rs.getString(7), rs.getInt(8) != 0, preferenceOf(rs)));
                }
            }
            List<Feedback> feedback = feedbackWhere(c, PERSON_FEEDBACK, ps -> {
                ps.setString(1, guildId);
                ps.setString(2, userId);
            });
            List<Suggestion> suggestions;
            try (PreparedStatement ps = c.prepareStatement(SUGGESTION_QUERY
                    + "WHERE s.guild_id = ? AND (s.requested_by = ? OR " + WAS_MEMBER + ") ORDER BY s.id")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                ps.setString(3, userId);
                suggestions = suggestions(ps);
            }
            List<Option> added;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + OPTION_COLUMNS + " FROM options WHERE guild_id = ? AND added_by = ? ORDER BY id")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                added = options(ps);
            }
            // meals they were part of or decided, undone ones included (the log)
            List<Meal> meals = meals(c, "m.guild_id = ? AND (m.decided_by = ? OR " + WAS_MEMBER + ")", ps -> {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                ps.setString(3, userId);
            });
            List<PersonalData.ReactionVariant> variants = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT suggestion_id, reward, variant FROM reaction_variants
                    WHERE guild_id = ? AND user_id = ? ORDER BY suggestion_id, reward, variant""")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        variants.add(new PersonalData.ReactionVariant(rs.getLong(1),
                                rs.getInt(2) == 1 ? Reaction.LIKE : Reaction.DISLIKE, rs.getString(3)));
                    }
                }
            }
            return new PersonalData(guildId, userId, step(c, guildId, userId), prefs, feedback, suggestions, added, List.of(), meals, variants);
        });
    }

    @Override
    public PersonalData.Forgotten forget(String guildId, String userId) {
        return db.write(c -> {
            int feedback = execute(c, "DELETE FROM feedback WHERE guild_id = ? AND user_id = ?", guildId, userId);
            execute(c, "DELETE FROM reaction_variants WHERE guild_id = ? AND user_id = ?", guildId, userId);
            int prefs = execute(c, "DELETE FROM preferences WHERE guild_id = ? AND user_id = ?", guildId, userId);
            execute(c, "DELETE FROM user_steps WHERE guild_id = ? AND user_id = ?", guildId, userId);
            execute(c, "DELETE FROM vetoes WHERE guild_id = ? AND user_id = ?", guildId, userId); // a standing "never" is theirs too
            int places = execute(c, "UPDATE options SET added_by = NULL WHERE guild_id = ? AND added_by = ?", guildId, userId);
            // a meal's people are its suggestion's (anonymised below); who decided it goes too
            try (PreparedStatement ps = c.prepareStatement("UPDATE meals SET decided_by = ? WHERE guild_id = ? AND decided_by = ?")) {
                ps.setString(1, PersonalData.FORGOTTEN_USER);
                ps.setString(2, guildId);
                ps.setString(3, userId);
                ps.executeUpdate();
            }
            // suggestions stay (others' feedback points at them); the person's id in them goes
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.requested_by, s.members FROM suggestions s "
                    + "WHERE s.guild_id = ? AND (s.requested_by = ? OR " + WAS_MEMBER + ")")) {
                ps.setString(1, guildId);
                ps.setString(2, userId);
                ps.setString(3, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE suggestion_members SET user_id = ? WHERE guild_id = ? AND user_id = ?")) {
                ps.setString(1, PersonalData.FORGOTTEN_USER);
                ps.setString(2, guildId);
                ps.setString(3, userId);
                ps.executeUpdate();
            }
            // their posteriors and draws at each suggestion go too (the suggestion's picture keeps the others')
            for (Object[] r : rows) ReasonsRows.forget(c, guildId, (Long) r[0], userId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE suggestions SET requested_by = ?, members = ? WHERE guild_id = ? AND id = ?")) {
                for (Object[] r : rows) {
                    String requestedBy = userId.equals(r[1]) ? PersonalData.FORGOTTEN_USER : (String) r[1];
                    List<String> members = new ArrayList<>();
                    for (String m : ((String) r[2]).split(",")) members.add(m.equals(userId) ? PersonalData.FORGOTTEN_USER : m);
                    ps.setString(1, requestedBy);
                    ps.setString(2, String.join(",", members));
                    ps.setString(3, guildId);
                    ps.setLong(4, (Long) r[0]);
                    ps.executeUpdate();
                }
            }
            return new PersonalData.Forgotten(prefs, feedback, rows.size(), places);
        });
    }

    private static int execute(Connection c, String sql, String guildId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, guildId);
            ps.setString(2, userId);
            return ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
