package liaison.store;

import java.nio.file.Path;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

/**
 * The workspace's embedded Derby database, shared by every bundle that stores data. Each bundle
 * owns a {@link SchemaModule}; versions are kept in the table {@code LIAISON_SCHEMA}.
 */
public interface Database {

    /** Directory of the Derby database. */
    Path location();

    /**
     * Migrates the module's tables to its version and opens its persistence unit. The caller closes
     * the factory when it stops.
     *
     * @param classLoader the class loader that sees the module's {@code META-INF/persistence.xml}
     *                    and entity classes (the owning bundle's)
     * @throws StoreException when the database holds a newer schema of the module than the code knows,
     *                        or a migration fails (the failed step is rolled back)
     */
    EntityManagerFactory open(SchemaModule module, ClassLoader classLoader) throws StoreException;

    /** Brings the module's tables to its version without opening JPA (for bundles using plain JDBC). */
    void migrate(SchemaModule module) throws StoreException;

    /** Version of each module's schema found in the database, by module name. */
    Map<String, Integer> schemaVersions() throws StoreException;

    /** Reads a workspace property from the store's own table, or null. */
    String property(String key) throws StoreException;

    /** Writes a workspace property (created-at, last sync, ...). */
    void setProperty(String key, String value) throws StoreException;
}
