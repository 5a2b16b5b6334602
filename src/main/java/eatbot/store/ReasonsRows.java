package eatbot.store;

import eatbot.eat.Reasons;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A suggestion's {@link Reasons} as one row of {@code suggestion_decisions},
 * with compact blobs: candidate ids as 8-byte longs, and per member (α, β, score)
 * of each kept candidate as 4-byte floats, all big-endian.
 */
final class ReasonsRows {
    private ReasonsRows() {}

    static void insert(Connection c, String guildId, long suggestionId, Reasons d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO suggestion_decisions (suggestion_id, group_rule, at_random, not_in_running, option_ids, kept, members, beliefs,
                                                  left_out_by, guild_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, suggestionId);
            ps.setString(2, d.groupRule());
            ps.setInt(3, d.atRandom() ? 1 : 0);
            ps.setInt(4, d.notInRunning());
            ByteBuffer ids = ByteBuffer.allocate(8 * d.candidates());
            for (long id : d.optionIds()) ids.putLong(id);
            ps.setBytes(5, ids.array());
            ps.setInt(6, d.kept());
            ps.setString(7, String.join(",", d.members().stream().map(Reasons.Member::userId).toList()));
            ps.setBytes(8, beliefs(d.members(), d.kept()));
            StringBuilder why = new StringBuilder();
            d.leftOutBy().forEach((step, n) -> why.append(n).append('\t').append(step.replaceAll("[\t\n\r]", " ")).append('\n'));
            ps.setString(9, why.toString());
            ps.setString(10, guildId);
            ps.executeUpdate();
        }
    }

    private static byte[] beliefs(List<Reasons.Member> members, int kept) {
        ByteBuffer b = ByteBuffer.allocate(12 * kept * members.size());
        for (Reasons.Member m : members) {
            for (int i = 0; i < kept; i++) b.putFloat(m.alpha()[i]).putFloat(m.beta()[i]).putFloat(m.score()[i]);
        }
        return b.array();
    }

    /** The decision of the guild's suggestion, or empty for one made before decisions were kept. Forgotten members are missing. */
    static Optional<Reasons> read(Connection c, String guildId, long suggestionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.group_rule, d.at_random, d.not_in_running, d.option_ids, d.kept, d.members, d.beliefs, d.left_out_by
                FROM suggestion_decisions d WHERE d.guild_id = ? AND d.suggestion_id = ?""")) {
            ps.setString(1, guildId);
            ps.setLong(2, suggestionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                ByteBuffer b = ByteBuffer.wrap(rs.getBytes(4));
                long[] ids = new long[b.remaining() / 8];
                for (int i = 0; i < ids.length; i++) ids[i] = b.getLong();
                int kept = rs.getInt(5);
                String members = rs.getString(6);
                ByteBuffer beliefs = ByteBuffer.wrap(rs.getBytes(7));
                List<Reasons.Member> out = new ArrayList<>();
                for (String userId : members.isEmpty() ? new String[0] : members.split(",")) {
                    float[] alpha = new float[kept];
                    float[] beta = new float[kept];
                    float[] score = new float[kept];
                    for (int i = 0; i < kept; i++) {
                        alpha[i] = beliefs.getFloat();
                        beta[i] = beliefs.getFloat();
                        score[i] = beliefs.getFloat();
                    }
                    out.add(new Reasons.Member(userId, alpha, beta, score));
                }
                java.util.Map<String, Integer> leftOutBy = new java.util.LinkedHashMap<>();
                for (String line : rs.getString(8).split("\n")) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) leftOutBy.put(line.substring(tab + 1), Integer.parseInt(line.substring(0, tab)));
                }
                return Optional.of(new Reasons(rs.getString(1), rs.getInt(2) != 0, rs.getInt(3), ids, kept, out, leftOutBy));
            }
        }
    }

    /** Takes the person's beliefs and scores out of this suggestion's decision (forget); the others' stay. */
    static void forget(Connection c, String guildId, long suggestionId, String userId) throws SQLException {
        Optional<Reasons> d = read(c, guildId, suggestionId);
        if (d.isEmpty()) return;
        List<Reasons.Member> left = d.get().members().stream().filter(m -> !m.userId().equals(userId)).toList();
        if (left.size() == d.get().members().size()) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE suggestion_decisions SET members = ?, beliefs = ? WHERE guild_id = ? AND suggestion_id = ?")) {
            ps.setString(1, String.join(",", left.stream().map(Reasons.Member::userId).toList()));
            ps.setBytes(2, beliefs(left, d.get().kept()));
            ps.setString(3, guildId);
            ps.setLong(4, suggestionId);
            ps.executeUpdate();
        }
    }
}
