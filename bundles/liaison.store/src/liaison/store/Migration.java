package liaison.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One step of a {@link SchemaModule}'s schema history. Step {@code n} turns version {@code n-1}
 * into version {@code n}; the store runs each step and the version bump in one transaction.
 *
 * @param version     the version this step produces (1 for the first)
 * @param description what changes, for the log and {@code liaison doctor}
 * @param step        the change
 */
public record Migration(int version, String description, Step step) {

    /** Changes the schema through a JDBC connection whose transaction the store commits. */
    @FunctionalInterface
    public interface Step {
        void apply(Connection connection) throws SQLException;
    }

    /** A migration made of SQL statements run in order. */
    public static Migration sql(int version, String description, String... statements) {
        List<String> sql = List.of(statements);
        return new Migration(version, description, c -> {
            try (Statement s = c.createStatement()) {
                for (String stmt : sql) {
                    s.execute(stmt);
                }
            }
        });
    }
}
