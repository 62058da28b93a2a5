package liaison.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import liaison.store.Database;
import liaison.store.Migration;
import liaison.store.SchemaModule;
import liaison.store.StoreException;
import liaison.store.Workspace;

/**
 * Embedded Derby in {@code <workspace>/db}, opened on first use (so commands that store nothing never
 * pay for booting Derby). EclipseLink runs without Gemini JPA: the persistence provider is called
 * directly with the owning bundle's class loader and our data source.
 */
@Component(service = Database.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DerbyDatabase implements Database {

    private static final String SCHEMA_TABLE = "LIAISON_SCHEMA";

    private final Path location;
    private EmbeddedDataSource dataSource;
    private EntityManagerFactory coreUnit;

    /**
     * Configured like the {@link Workspace} (same PID), so both services carry the workspace path and
     * a consumer can wait for the database of exactly the workspace it selected.
     */
    @Activate
    public DerbyDatabase(Map<String, Object> properties) {
        this(Path.of(String.valueOf(properties.get(Workspace.PATH_PROPERTY))));
    }

    DerbyDatabase(Path workspaceRoot) {
        this.location = workspaceRoot.toAbsolutePath().normalize().resolve("db");
    }

    @Override
    public Path location() {
        return location;
    }

    private synchronized EmbeddedDataSource dataSource() throws StoreException {
        if (dataSource == null) {
            if (System.getProperty("derby.stream.error.file") == null) {
                // Derby writes derby.log into the current directory unless told otherwise.
                System.setProperty("derby.stream.error.file", location.resolveSibling("derby.log").toString());
            }
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(location.toString());
            ds.setCreateDatabase("create");
            try (Connection c = ds.getConnection()) {
                c.isValid(1);
            } catch (SQLException e) {
                throw translate("cannot open the workspace database " + location, e);
            }
            dataSource = ds;
            migrate(new CoreSchema());
        }
        return dataSource;
    }

    private StoreException translate(String what, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "XSDB6".equals(s.getSQLState())) {
                return new StoreException("the workspace database " + location
                        + " is in use by another Liaison process; close it or choose another --data directory", e);
            }
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void migrate(SchemaModule module) throws StoreException {
        EmbeddedDataSource ds = dataSource();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ensureSchemaTable(c);
            int current = versionOf(c, module.name());
            int known = module.version();
            if (current > known) {
                c.rollback();
                throw new StoreException("the database in " + location + " holds schema '" + module.name() + "' version "
                        + current + ", newer than this Liaison understands (version " + known
                        + "); use a newer Liaison or another --data directory");
            }
            int expected = 1;
            for (Migration m : module.migrations()) {
                if (m.version() != expected++) {
                    throw new IllegalStateException("schema '" + module.name() + "' has a gap before version " + m.version());
                }
                if (m.version() <= current) {
                    continue;
                }
                try {
                    m.step().apply(c);
                    setVersion(c, module.name(), m.version());
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new StoreException("migrating schema '" + module.name() + "' to version " + m.version() + " ("
                            + m.description() + ") failed: " + e.getMessage(), e);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw translate("cannot migrate the workspace database " + location, e);
        }
    }

    private static void ensureSchemaTable(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, SCHEMA_TABLE, null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + SCHEMA_TABLE
                    + " (MODULE VARCHAR(64) NOT NULL PRIMARY KEY, VERSION INT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL)");
        }
        c.commit();
    }

    private static int versionOf(Connection c, String module) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION FROM " + SCHEMA_TABLE + " WHERE MODULE = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void setVersion(Connection c, String module, int version) throws SQLException {
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        try (PreparedStatement up = c.prepareStatement("UPDATE " + SCHEMA_TABLE + " SET VERSION = ?, UPDATED_AT = ? WHERE MODULE = ?")) {
            up.setInt(1, version);
            up.setTimestamp(2, now);
            up.setString(3, module);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO " + SCHEMA_TABLE + " (MODULE, VERSION, UPDATED_AT) VALUES (?, ?, ?)")) {
            in.setString(1, module);
            in.setInt(2, version);
            in.setTimestamp(3, now);
            in.executeUpdate();
        }
    }

    @Override
    public synchronized Map<String, Integer> schemaVersions() throws StoreException {
        EmbeddedDataSource ds = dataSource();
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MODULE, VERSION FROM " + SCHEMA_TABLE + " ORDER BY MODULE")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw translate("cannot read schema versions of " + location, e);
        }
        return out;
    }

    @Override
    public EntityManagerFactory open(SchemaModule module, ClassLoader classLoader) throws StoreException {
        EmbeddedDataSource ds = dataSource();
        migrate(module);
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.CLASSLOADER, classLoader);
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, ds);
        props.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        props.put(PersistenceUnitProperties.TARGET_DATABASE, "Derby");
        // EclipseLink's default logger writes to stdout, which belongs to the CLI's output.
        props.put(PersistenceUnitProperties.LOGGING_FILE, location.resolveSibling("eclipselink.log").toString());
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        try {
            EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(module.persistenceUnit(), props);
            if (emf == null) {
                throw new StoreException("persistence unit '" + module.persistenceUnit() + "' not found by the given class loader");
            }
            return emf;
        } catch (PersistenceException e) {
            throw new StoreException("cannot open persistence unit '" + module.persistenceUnit() + "': " + e.getMessage(), e);
        }
    }

    private synchronized EntityManagerFactory coreUnit() throws StoreException {
        if (coreUnit == null) {
            coreUnit = open(new CoreSchema(), DerbyDatabase.class.getClassLoader());
        }
        return coreUnit;
    }

    @Override
    public String property(String key) throws StoreException {
        EntityManager em = coreUnit().createEntityManager();
        try {
            WorkspaceProperty p = em.find(WorkspaceProperty.class, key);
            return p == null ? null : p.value();
        } finally {
            em.close();
        }
    }

    /** When the property was last written, or null. */
    Instant propertyUpdatedAt(String key) throws StoreException {
        EntityManager em = coreUnit().createEntityManager();
        try {
            WorkspaceProperty p = em.find(WorkspaceProperty.class, key);
            return p == null ? null : p.updatedAt();
        } finally {
            em.close();
        }
    }

    @Override
    public void setProperty(String key, String value) throws StoreException {
        EntityManager em = coreUnit().createEntityManager();
        try {
            em.getTransaction().begin();
            WorkspaceProperty p = em.find(WorkspaceProperty.class, key);
            if (p == null) {
                em.persist(new WorkspaceProperty(key, value, Instant.now()));
            } else {
                p.update(value, Instant.now());
            }
            em.getTransaction().commit();
        } catch (PersistenceException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw new StoreException("cannot write workspace property '" + key + "': " + e.getMessage(), e);
        } finally {
            em.close();
        }
    }

    /** Closes the store's own unit and shuts the database down cleanly, so the next start needs no recovery. */
    @Deactivate
    public synchronized void close() {
        if (coreUnit != null) {
            coreUnit.close();
            coreUnit = null;
        }
        if (dataSource != null) {
            EmbeddedDataSource shutdown = new EmbeddedDataSource();
            shutdown.setDatabaseName(location.toString());
            shutdown.setShutdownDatabase("shutdown");
            try (Connection c = shutdown.getConnection()) {
                // Derby signals a successful shutdown with an exception; reaching here means it did not shut down.
            } catch (SQLException expected) {
                // 08006: database shut down
            }
            dataSource = null;
        }
    }
}
