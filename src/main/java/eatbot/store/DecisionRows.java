package eatbot.store;

import eatbot.eat.Decision;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A suggestion's {@link Decision} in tables {@code suggestion_decisions} (one
 * row) and {@code suggestion_beliefs} (one row per member), as compact blobs:
 * candidate ids as 8-byte longs, and per member (α, β, score) of each kept
 * candidate as 4-byte floats, all big-endian.
 */
final class DecisionRows {
    private DecisionRows() {}

    static void insert(Connection c, long suggestionId, Decision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO suggestion_decisions (suggestion_id, group_rule, at_random, not_in_running, option_ids, kept)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, suggestionId);
            ps.setString(2, d.groupRule());
            ps.setInt(3, d.atRandom() ? 1 : 0);
            ps.setInt(4, d.notInRunning());
            ByteBuffer ids = ByteBuffer.allocate(8 * d.candidates());
            for (long id : d.optionIds()) ids.putLong(id);
            ps.setBytes(5, ids.array());
            ps.setInt(6, d.kept());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO suggestion_beliefs (suggestion_id, member, user_id, beliefs) VALUES (?, ?, ?, ?)")) {
            for (int m = 0; m < d.members().size(); m++) {
                Decision.Member member = d.members().get(m);
                ByteBuffer b = ByteBuffer.allocate(12 * d.kept());
                for (int i = 0; i < d.kept(); i++) {
                    b.putFloat(member.alpha()[i]).putFloat(member.beta()[i]).putFloat(member.score()[i]);
                }
                ps.setLong(1, suggestionId);
                ps.setInt(2, m);
                ps.setString(3, member.userId());
                ps.setBytes(4, b.array());
                ps.executeUpdate();
            }
        }
    }

    /** The decision of the guild's suggestion, or empty for one made before decisions were kept. Forgotten members are missing. */
    static Optional<Decision> read(Connection c, String guildId, long suggestionId) throws SQLException {
        String rule;
        boolean atRandom;
        int notInRunning;
        long[] ids;
        int kept;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.group_rule, d.at_random, d.not_in_running, d.option_ids, d.kept FROM suggestion_decisions d
                JOIN suggestions s ON s.id = d.suggestion_id WHERE d.suggestion_id = ? AND s.guild_id = ?""")) {
            ps.setLong(1, suggestionId);
            ps.setString(2, guildId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                rule = rs.getString(1);
                atRandom = rs.getInt(2) != 0;
                notInRunning = rs.getInt(3);
                ByteBuffer b = ByteBuffer.wrap(rs.getBytes(4));
                ids = new long[b.remaining() / 8];
                for (int i = 0; i < ids.length; i++) ids[i] = b.getLong();
                kept = rs.getInt(5);
            }
        }
        List<Decision.Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT user_id, beliefs FROM suggestion_beliefs WHERE suggestion_id = ? ORDER BY member")) {
            ps.setLong(1, suggestionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ByteBuffer b = ByteBuffer.wrap(rs.getBytes(2));
                    float[] alpha = new float[kept];
                    float[] beta = new float[kept];
                    float[] score = new float[kept];
                    for (int i = 0; i < kept; i++) {
                        alpha[i] = b.getFloat();
                        beta[i] = b.getFloat();
                        score[i] = b.getFloat();
                    }
                    members.add(new Decision.Member(rs.getString(1), alpha, beta, score));
                }
            }
        }
        return Optional.of(new Decision(rule, atRandom, notInRunning, ids, kept, members));
    }
}
