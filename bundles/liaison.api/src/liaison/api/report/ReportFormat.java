package liaison.api.report;

import liaison.api.LiaisonException;

/**
 * A report format: plain text, XARF v4, ARF (RFC 5965), IODEF v2 — or a team's own (Markdown, a
 * ticket-system payload). Provided as a DS service; the composer picks it by {@link #id()}.
 *
 * <p>Contract: {@link #render} is pure (no I/O, no side effects) and thread-safe. It must produce
 * every part the format requires, valid against the format's schema, and must not put CR or LF
 * into the subject. It throws {@link LiaisonException} when the report lacks what the format needs.
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
