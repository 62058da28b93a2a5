package liaison.drill.internal;

import java.util.List;

import liaison.store.Migration;
import liaison.store.SchemaModule;

/** The reachability drills' rounds and their teams. */
final class DrillSchema implements SchemaModule {

    @Override
    public String name() {
        return "drill";
    }

    @Override
    public String persistenceUnit() {
        return "liaison.drill";
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "reachability drill rounds and targets",
                "CREATE TABLE DRILL_REACH_ROUND (ID VARCHAR(40) NOT NULL PRIMARY KEY, STARTED_AT TIMESTAMP NOT NULL,"
                        + " DEADLINE_AT TIMESTAMP NOT NULL, FILTER_TEXT VARCHAR(1000))",
                "CREATE TABLE DRILL_REACH_TARGET (TOKEN VARCHAR(64) NOT NULL PRIMARY KEY, ROUND_ID VARCHAR(40) NOT NULL"
                        + " REFERENCES DRILL_REACH_ROUND (ID), TEAM VARCHAR(200) NOT NULL, ADDRESS VARCHAR(254), MESSAGE_ID VARCHAR(250),"
                        + " SENT_AT TIMESTAMP, STATUS VARCHAR(16) NOT NULL, ANSWERED_AT TIMESTAMP, NOTE VARCHAR(1000))",
                "CREATE INDEX DRILL_REACH_TARGET_ROUND ON DRILL_REACH_TARGET (ROUND_ID)"));
    }
}
