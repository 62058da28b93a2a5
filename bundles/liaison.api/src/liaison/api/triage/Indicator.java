package liaison.api.triage;

import java.util.Locale;

/**
 * Something a log line names that a handler may need to report: an address, a domain, a URL, an
 * e-mail address — and what part it played, when the log format tells.
 *
 * @param kind  what it is
 * @param value the value, normalised (lower-case domain, canonical address text)
 * @param role  its part in the event
 */
public record Indicator(Kind kind, String value, Role role) {

    public enum Kind {
        IP, DOMAIN, URL, EMAIL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The part an indicator played; {@link #UNKNOWN} when the format does not say. */
    public enum Role {
        /** Where the attack or abuse came from: the one to report. */
        SOURCE,
        /** The attacked host or service. */
        DESTINATION,
        UNKNOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
