package liaison.api.model;

import java.util.Locale;

/**
 * Why a contact is a candidate for a resource. The {@link #id()} is the stable name used in JSON
 * output and on the command line ({@code irt}, {@code abuse}, {@code national-csirt}, ...).
 */
public enum Role {
    /** A CSIRT covering the network: RIPE {@code irt} via {@code mnt-irt}, APNIC irt, RDAP abuse role of an irt. */
    IRT,
    /** The abuse desk: {@code abuse-c}/{@code abuse-mailbox}, ARIN OrgAbuse/RAbuse, RDAP {@code abuse}. */
    ABUSE,
    /** Technical contact of the network ({@code tech-c}, ARIN OrgTech/RTech). */
    TECHNICAL,
    /** Administrative contact ({@code admin-c}). */
    ADMIN,
    /** Network operations centre (ARIN RNOC). */
    NOC,
    /** The provider announcing or delegating the network to its holder. */
    UPSTREAM,
    /** The national CSIRT of the resource's country: the last resort. */
    NATIONAL_CSIRT,
    /** The abuse contact of a domain's registrar (ICANN RAA 3.18). */
    REGISTRAR_ABUSE,
    /** A team found in the local directory (TI, FIRST, manual entries) by its constituency. */
    DIRECTORY;

    /** Lower-case, hyphenated name: {@code national-csirt}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads an {@link #id()} (case-insensitive, {@code _} and {@code -} both accepted). */
    public static Role fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
