package liaison.simnet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A running simulated Internet: whois servers of the scenario's registries (each answering in its own
 * format), one RDAP server, the bootstrap files and endpoints file pointing Liaison at them, and an
 * SMTP/IMAP server whose simulated recipients answer reports. Everything listens on 127.0.0.1 only.
 * Thread-safe; close it to stop every server.
 */
public interface SimulatedInternet extends AutoCloseable {

    /** The scenario being served. */
    ScenarioPack pack();

    /** Every server, whois servers first, then RDAP, SMTP and IMAP. */
    List<Endpoint> endpoints();

    /** The endpoints file for {@code liaison lookup --endpoints FILE}. */
    Path endpointsFile();

    /** The RDAP bootstrap files for {@code liaison lookup --bootstrap DIR}. */
    Path bootstrapDirectory();

    /** The session log ({@code session.jsonl}): every report received and reply sent. */
    Path sessionLog();

    /** {@code smtp://127.0.0.1:PORT} for the trainee's reports. */
    String smtpUrl();

    /** {@code imap://LOGIN:PASSWORD@127.0.0.1:PORT/INBOX}: the trainee's mailbox. */
    String imapUrl();

    /** When the simulation started. */
    Instant started();

    /** Every event so far, in order. */
    List<SimEvent> events();

    /** Calls the listener with each later event (from the simulation's threads). */
    void onEvent(Consumer<SimEvent> listener);

    /** Replies scheduled but not yet delivered. */
    int pendingReplies();

    /**
     * Waits until every scheduled reply was delivered, at most {@code timeout}.
     *
     * @return true when none is pending
     */
    boolean awaitReplies(Duration timeout) throws InterruptedException;

    /** Stops every server; replies still pending are dropped. */
    @Override
    void close();
}
