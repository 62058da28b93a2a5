package liaison.mail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
                        + " MATCHED_BY VARCHAR(32) NOT NULL)"),
                new Migration(2, "one delivery per message and recipient, each through its own transport", MailSchema::deliveries));
    }

    /** Gives each message one delivery per recipient, in the state the message had (SMTP was the only transport). */
    private static void deliveries(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE MAIL_DELIVERY (MESSAGE_ID VARCHAR(250) NOT NULL REFERENCES MAIL_OUTBOX (MESSAGE_ID),"
                    + " POSITION INT NOT NULL, RECIPIENT VARCHAR(1000) NOT NULL, TRANSPORT VARCHAR(64), STATE VARCHAR(16) NOT NULL,"
                    + " ATTEMPT_AT TIMESTAMP, SENT_AT TIMESTAMP, ATTEMPTS INT NOT NULL, LAST_ERROR VARCHAR(1000), RECEIPT VARCHAR(1000),"
                    + " PRIMARY KEY (MESSAGE_ID, POSITION))");
            s.execute("CREATE INDEX MAIL_DELIVERY_STATE ON MAIL_DELIVERY (STATE)");
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT MESSAGE_ID, RECIPIENTS, STATE, ATTEMPT_AT, SENT_AT, ATTEMPTS, LAST_ERROR, RECEIPT FROM MAIL_OUTBOX");
                PreparedStatement insert = c.prepareStatement("INSERT INTO MAIL_DELIVERY (MESSAGE_ID, POSITION, RECIPIENT, TRANSPORT,"
                        + " STATE, ATTEMPT_AT, SENT_AT, ATTEMPTS, LAST_ERROR, RECEIPT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (r.next()) {
                String[] recipients = r.getString(2).split(",");
                for (int i = 0; i < recipients.length; i++) {
                    insert.setString(1, r.getString(1));
                    insert.setInt(2, i);
                    insert.setString(3, recipients[i].strip());
                    insert.setString(4, r.getInt(6) > 0 ? "smtp" : null);
                    insert.setString(5, r.getString(3));
                    insert.setTimestamp(6, r.getTimestamp(4));
                    insert.setTimestamp(7, r.getTimestamp(5));
                    insert.setInt(8, r.getInt(6));
                    insert.setString(9, r.getString(7));
                    insert.setString(10, r.getString(8));
                    insert.executeUpdate();
                }
            }
        }
    }
}
