package liaison.store.internal;

import java.util.List;

import liaison.store.Migration;
import liaison.store.SchemaModule;

/** The store's own tables. Version 2 added the time a property was last written. */
final class CoreSchema implements SchemaModule {

    static final String NAME = "store";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String persistenceUnit() {
        return "liaison.store";
    }

    @Override
    public List<Migration> migrations() {
        return List.of(
                Migration.sql(1, "workspace properties",
                        "CREATE TABLE LIAISON_PROPERTY (PROP_KEY VARCHAR(128) NOT NULL PRIMARY KEY, PROP_VALUE VARCHAR(4000))"),
                Migration.sql(2, "time a property was last written",
                        "ALTER TABLE LIAISON_PROPERTY ADD COLUMN UPDATED_AT TIMESTAMP"));
    }
}
