package liaison.directory.internal;

import java.util.List;

import liaison.store.Migration;
import liaison.store.SchemaModule;

/**
 * The directory's tables. Teams hold their current merged view; every source's record of a team, the
 * coordinators' overrides and every revision are kept beside them. Ids are assigned by the single
 * writer (see {@link DirectoryStore}), so no generator tables are needed.
 */
final class DirectorySchema implements SchemaModule {

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public String persistenceUnit() {
        return "liaison.directory";
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "teams, source records, overrides, revisions, runs, configured sources",
                "CREATE TABLE DIR_TEAM (ID BIGINT NOT NULL PRIMARY KEY, SHORT_NAME VARCHAR(512), NAME_KEY VARCHAR(512),"
                        + " COUNTRY VARCHAR(8), CLASSIFICATION VARCHAR(16), STATUS VARCHAR(16) NOT NULL, MERGED_INTO BIGINT,"
                        + " REVISION INT NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CHANGED_AT TIMESTAMP NOT NULL, VIEW_JSON CLOB NOT NULL)",
                "CREATE INDEX DIR_TEAM_NAME ON DIR_TEAM (NAME_KEY)",
                "CREATE TABLE DIR_RECORD (ID BIGINT NOT NULL PRIMARY KEY, TEAM_ID BIGINT NOT NULL,"
                        + " SOURCE_ID VARCHAR(512) NOT NULL, SOURCE_KEY VARCHAR(512) NOT NULL, LOCATION VARCHAR(4000),"
                        + " TEAM_JSON CLOB NOT NULL, IMPORTED_AT TIMESTAMP NOT NULL, SEEN_AT TIMESTAMP NOT NULL,"
                        + " PRESENT BOOLEAN NOT NULL, CONSTRAINT DIR_RECORD_KEY UNIQUE (SOURCE_ID, SOURCE_KEY))",
                "CREATE INDEX DIR_RECORD_TEAM ON DIR_RECORD (TEAM_ID)",
                "CREATE TABLE DIR_OVERRIDE (ID BIGINT NOT NULL PRIMARY KEY, TEAM_ID BIGINT NOT NULL,"
                        + " FIELD VARCHAR(64) NOT NULL, FIELD_VALUE VARCHAR(4000) NOT NULL, BASELINE VARCHAR(4000) NOT NULL,"
                        + " CREATED_AT TIMESTAMP NOT NULL, CONSTRAINT DIR_OVERRIDE_KEY UNIQUE (TEAM_ID, FIELD))",
                "CREATE TABLE DIR_REVISION (ID BIGINT NOT NULL PRIMARY KEY, TEAM_ID BIGINT NOT NULL,"
                        + " REVISION INT NOT NULL, MADE_AT TIMESTAMP NOT NULL, CAUSE VARCHAR(4000) NOT NULL,"
                        + " VIEW_JSON CLOB NOT NULL, CONSTRAINT DIR_REVISION_KEY UNIQUE (TEAM_ID, REVISION))",
                "CREATE TABLE DIR_RUN (ID BIGINT NOT NULL PRIMARY KEY, SOURCE_ID VARCHAR(512) NOT NULL, LOCATION VARCHAR(4000),"
                        + " MADE_AT TIMESTAMP NOT NULL, ADDED INT NOT NULL, CHANGED INT NOT NULL, REMOVED INT NOT NULL,"
                        + " UNCHANGED INT NOT NULL, CONFLICTS INT NOT NULL, WARNINGS CLOB)",
                "CREATE TABLE DIR_SOURCE (ID BIGINT NOT NULL PRIMARY KEY, SOURCE_ID VARCHAR(128) NOT NULL,"
                        + " LOCATION VARCHAR(4000) NOT NULL, KEY_PEM CLOB, ADDED_AT TIMESTAMP NOT NULL, LAST_RUN TIMESTAMP,"
                        + " LAST_RESULT VARCHAR(4000))",
                "CREATE TABLE DIR_MATCH_DECISION (ID BIGINT NOT NULL PRIMARY KEY, TEAM_A BIGINT NOT NULL, TEAM_B BIGINT NOT NULL,"
                        + " DECIDED_AT TIMESTAMP NOT NULL, CONSTRAINT DIR_MATCH_PAIR UNIQUE (TEAM_A, TEAM_B))"));
    }
}
