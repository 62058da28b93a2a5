package liaison.report;

/**
 * Something the linter found in a report before it is sent.
 *
 * @param severity {@link Severity#ERROR} when the receiver cannot act on the report as it is
 * @param code     stable id ({@code no-timezone}, {@code no-raw-evidence}, {@code pasted-whois},
 *                 {@code pasted-traceroute}, {@code too-many-addresses}, {@code no-action}, {@code unsigned})
 * @param message  what is wrong, for people
 * @param evidence index of the evidence line concerned, or -1 for the report as a whole
 */
public record LintFinding(Severity severity, String code, String message, int evidence) {

    public enum Severity {
        WARNING, ERROR
    }
}
