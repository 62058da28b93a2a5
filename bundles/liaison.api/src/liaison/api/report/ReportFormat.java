package liaison.api.report;

import liaison.api.LiaisonException;

/**
 * A report format: plain text, XARF v4, ARF (RFC 5965), IODEF v2 — or a team's own (Markdown, a
 * ticket-system payload). Provided as a DS service; the composer picks it by {@link #id()}.
 *
 * <p>Contract: {@link #render} is pure (no I/O, no side effects) and thread-safe. It returns a
 * {@link RenderedReport} with a one-line subject (no CR or LF) and at least one part, holding every
 * part the format requires, valid against the format's schema. It throws {@link LiaisonException}
 * with a one-line reason when the report lacks what the format needs; the composer shows that
 * reason as it is.
 *
 * <p>The composer calls {@link #render} on a thread of its own with a deadline (30 seconds): a format
 * that throws anything else, returns no usable result or overruns fails the compose command with a
 * one-line reason naming the format and its bundle; other formats are not affected.
 */
public interface ReportFormat {

    /** Stable id used on the command line: {@code --format <id>}. */
    String id();

    /** Name shown to people ("XARF v4"). */
    String displayName();

    /**
     * True when the format describes exactly one source per message (ARF's feedback report names one
     * {@code Source-IP}); the composer then groups by source whatever grouping was asked for.
     */
    default boolean oneSourcePerReport() {
        return false;
    }

    RenderedReport render(Report report) throws LiaisonException;
}
