package liaison.store;

import java.util.List;

/**
 * The tables one bundle owns, with their history. A bundle hands its module to
 * {@link Database#open(SchemaModule, ClassLoader)}; the store brings the schema up to
 * {@link #version()} (or refuses a database written by a newer Liaison) and opens the bundle's
 * persistence unit on it.
 */
public interface SchemaModule {

    /** Module name, unique in the workspace ({@code store}, {@code directory}, {@code outbox}). */
    String name();

    /** Name of the persistence unit in the bundle's {@code META-INF/persistence.xml}. */
    String persistenceUnit();

    /** Every migration, versions 1..n without gaps. */
    List<Migration> migrations();

    /** The schema version this code expects: the last migration's. */
    default int version() {
        List<Migration> m = migrations();
        return m.isEmpty() ? 0 : m.get(m.size() - 1).version();
    }
}
