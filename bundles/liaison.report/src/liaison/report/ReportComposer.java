package liaison.report;

import java.io.InputStream;
import java.util.List;

import liaison.api.LiaisonException;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;

/**
 * From IntelMQ events to report messages: read, group, lint, render, wrap in MIME, sign, encrypt.
 * The CLI and the workbench are shells over this service. Thread-safe.
 */
public interface ReportComposer {

    /**
     * Reads IntelMQ events, one JSON object per line (empty lines are skipped).
     *
     * @throws liaison.api.InputException naming the input, line and column of broken JSON or of an
     *                                    event without {@code classification.type}
     */
    List<IntelMqEvent> readEvents(String inputName, InputStream jsonLines) throws LiaisonException;

    /**
     * Groups events into reports: one per recipient set and incident type (and source address when
     * grouping by source, or when the format describes one source per report). Recipients are the
     * e-mail addresses and {@code http(s)} URLs (for transports such as a chat webhook) in
     * {@code source.abuse_contact}; events without one are resolved through the contact resolver when
     * one is installed. An event with an unusable recipient is left unrouted with the reason.
     *
     * @throws LiaisonException when an event field would end up in a header with a line break in it
     */
    Grouping group(List<IntelMqEvent> events, ComposeOptions options) throws LiaisonException;

    /** What the receiver would miss or stumble over; empty when the report is fine. */
    List<LintFinding> lint(Report report, ComposeOptions options);

    /**
     * Renders the report in a format (for previews), isolated: a format that throws, overruns its
     * deadline or returns an unusable result fails with a one-line reason naming the format and the
     * bundle providing it.
     */
    RenderedReport render(Report report, String format) throws LiaisonException;

    /**
     * Renders, lints and wraps the report in a message with a Message-ID carrying its ticket id;
     * signs and encrypts it when the options say so.
     *
     * @throws LiaisonException when a header value holds CR or LF, the format is unknown or fails (see
     *                          {@link #render}), or signing or encryption is impossible (no key, a URL
     *                          recipient)
     */
    ComposedReport compose(Report report, ComposeOptions options) throws LiaisonException;

    /** The installed report formats. */
    List<ReportFormat> formats();
}
