package liaison.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.store.Migration;
import liaison.store.SchemaModule;
import liaison.store.StoreException;

/** The store on real Derby files in a temporary workspace. */
class DerbyDatabaseTest {

    @TempDir
    Path workspace;

    private DerbyDatabase open() {
        return new DerbyDatabase(workspace);
    }

    @Test
    void propertyRoundTripSurvivesReopen() throws Exception {
        DerbyDatabase db = open();
        Instant before = Instant.now();
        db.setProperty("created-by", "liaison test");
        db.setProperty("created-by", "liaison test, updated");
        assertEquals("liaison test, updated", db.property("created-by"));
        db.close();

        DerbyDatabase again = open();
        try {
            assertEquals("liaison test, updated", again.property("created-by"));
            Instant updated = again.propertyUpdatedAt("created-by");
            assertNotNull(updated);
            assertTrue(!updated.isBefore(before.minusSeconds(1)), "update time recorded: " + updated);
            assertNull(again.property("never-written"));
            assertEquals(Map.of("store", 2), again.schemaVersions());
        } finally {
            again.close();
        }
    }

    @Test
    void olderDatabaseIsMigrated() throws Exception {
        // A workspace written by a Liaison whose store schema was version 1: no UPDATED_AT column.
        EmbeddedDataSource ds = raw("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE LIAISON_SCHEMA (MODULE VARCHAR(64) NOT NULL PRIMARY KEY, VERSION INT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO LIAISON_SCHEMA VALUES ('store', 1, CURRENT_TIMESTAMP)");
            s.execute("CREATE TABLE LIAISON_PROPERTY (PROP_KEY VARCHAR(128) NOT NULL PRIMARY KEY, PROP_VALUE VARCHAR(4000))");
            s.execute("INSERT INTO LIAISON_PROPERTY VALUES ('kept', 'from version 1')");
        }
        shutdown();

        DerbyDatabase db = open();
        try {
            assertEquals(Map.of("store", 2), db.schemaVersions());
            assertEquals("from version 1", db.property("kept"), "data written before the migration is kept");
            db.setProperty("new", "after migration");
            assertNotNull(db.propertyUpdatedAt("new"), "the column added by version 2 is used");
        } finally {
            db.close();
        }
    }

    @Test
    void newerDatabaseIsRefusedAndLeftUntouched() throws Exception {
        DerbyDatabase first = open();
        first.setProperty("k", "v");
        first.close();
        EmbeddedDataSource ds = raw(null);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE LIAISON_SCHEMA SET VERSION = 7 WHERE MODULE = 'store'");
        }
        shutdown();

        DerbyDatabase db = open();
        try {
            StoreException e = assertThrows(StoreException.class, () -> db.property("k"));
            assertTrue(e.getMessage().contains("version 7"), e.getMessage());
            assertTrue(e.getMessage().contains("newer than this Liaison"), e.getMessage());
        } finally {
            db.close();
        }
        try (Connection c = raw(null).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION FROM LIAISON_SCHEMA WHERE MODULE = 'store'")) {
            rs.next();
            assertEquals(7, rs.getInt(1), "a refused database is not modified");
        }
        shutdown();
    }

    @Test
    void failedMigrationStepIsRolledBackAndNamed() throws Exception {
        DerbyDatabase db = open();
        try {
            SchemaModule broken = new SchemaModule() {
                @Override
                public String name() {
                    return "broken";
                }

                @Override
                public String persistenceUnit() {
                    return "none";
                }

                @Override
                public List<Migration> migrations() {
                    return List.of(Migration.sql(1, "good table", "CREATE TABLE GOOD_ONE (ID INT)"),
                            Migration.sql(2, "bad sql", "CREATE TABLE BAD_ONE (ID INT)", "THIS IS NOT SQL"));
                }
            };
            StoreException e = assertThrows(StoreException.class, () -> db.migrate(broken));
            assertTrue(e.getMessage().contains("'broken' to version 2 (bad sql)"), e.getMessage());
            assertEquals(1, db.schemaVersions().get("broken"), "version 1 committed, version 2 rolled back");
        } finally {
            db.close();
        }
        try (Connection c = raw(null).getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "BAD_ONE", null)) {
            assertTrue(!rs.next(), "the failed step's table was rolled back");
        }
        shutdown();
    }

    private EmbeddedDataSource raw(String create) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(workspace.resolve("db").toString());
        if (create != null) {
            ds.setCreateDatabase(create);
        }
        return ds;
    }

    private void shutdown() {
        EmbeddedDataSource ds = raw(null);
        ds.setShutdownDatabase("shutdown");
        try (Connection c = ds.getConnection()) {
            // not reached: Derby reports a shutdown with an exception
        } catch (SQLException expected) {
            // 08006
        }
    }
}
