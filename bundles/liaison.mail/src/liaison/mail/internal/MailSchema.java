package liaison.mail.internal;

import java.util.List;

import liaison.store.Migration;
import liaison.store.SchemaModule;

/** The outbox and the answers to sent reports. */
final class MailSchema implements SchemaModule {

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public String persistenceUnit() {
        return "liaison.mail";
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "outbox and replies",
                "CREATE TABLE MAIL_OUTBOX (MESSAGE_ID VARCHAR(250) NOT NULL PRIMARY KEY, TICKET_ID VARCHAR(64) NOT NULL,"
                        + " SENDER VARCHAR(254) NOT NULL, RECIPIENTS VARCHAR(4000) NOT NULL, SUBJECT VARCHAR(1000),"
                        + " MIME BLOB(64M) NOT NULL, STATE VARCHAR(16) NOT NULL, QUEUED_AT TIMESTAMP NOT NULL,"
                        + " ATTEMPT_AT TIMESTAMP, SENT_AT TIMESTAMP, ATTEMPTS INT NOT NULL, LAST_ERROR VARCHAR(1000),"
                        + " RECEIPT VARCHAR(1000))",
                "CREATE INDEX MAIL_OUTBOX_TICKET ON MAIL_OUTBOX (TICKET_ID)",
                "CREATE INDEX MAIL_OUTBOX_STATE ON MAIL_OUTBOX (STATE)",
                "CREATE TABLE MAIL_REPLY (REPLY_KEY VARCHAR(250) NOT NULL PRIMARY KEY, MESSAGE_ID VARCHAR(250) NOT NULL"
                        + " REFERENCES MAIL_OUTBOX (MESSAGE_ID), TICKET_ID VARCHAR(64) NOT NULL, SENDER VARCHAR(254),"
                        + " SUBJECT VARCHAR(1000), KIND VARCHAR(16) NOT NULL, RECEIVED_AT TIMESTAMP NOT NULL,"
                        + " MATCHED_BY VARCHAR(32) NOT NULL)"));
    }
}
