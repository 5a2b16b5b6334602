package eatbot.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL harness: a real server, and a database per name that the same name reaches again. */
class TestPostgresTest {
    @Test
    void theSameNameReachesTheSameDataAndAnotherNameStartsEmpty() throws SQLException {
        String name = "harness-" + System.nanoTime(); // unique: an external server keeps earlier runs' databases
        TestPostgres.Db first = TestPostgres.database(name);
        try (Connection c = first.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x int)");
            st.execute("INSERT INTO t VALUES (42)");
        }
        try (Connection again = TestPostgres.database(name).connect(); Statement st = again.createStatement();
             ResultSet rs = st.executeQuery("SELECT x FROM t")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
        try (Connection other = TestPostgres.freshDatabase("harness").connect(); Statement st = other.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 't'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void itIsARealPostgresqlThatCommitsWithSynchronousCommitOn() throws SQLException {
        try (Connection c = TestPostgres.freshDatabase("harness").connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 120000, "PostgreSQL 12 or newer");
            }
            try (ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                rs.next();
                assertEquals("on", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                assertFalse(rs.getString(1).isEmpty());
            }
        }
    }

}
