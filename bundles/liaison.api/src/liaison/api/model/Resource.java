package liaison.api.model;

import java.net.IDN;
import java.util.Locale;

/**
 * What an incident log names and a handler asks about: an IP address, an address range or prefix,
 * an autonomous system, a domain name or an e-mail address. {@link #parse(String)} turns the text
 * an analyst types or a log holds into the right kind.
 */
public sealed interface Resource permits IpAddress, IpRange, Asn, DomainName, EmailAddress {

    /** The kind of a resource, as used in JSON output and by registries' query syntax. */
    enum Kind {
        IP, RANGE, ASN, DOMAIN, EMAIL
    }

    Kind kind();

    /** Canonical text form: what {@link #parse(String)} reads back to an equal resource. */
    String text();

    /**
     * Reads an address ({@code 192.0.2.1}, {@code 2001:db8::1}), a prefix ({@code 192.0.2.0/24}),
     * a range ({@code 193.0.0.0 - 193.0.7.255}), an ASN ({@code AS3333} or {@code 3333} with the
     * prefix omitted only when {@code AS} is written), a domain or an e-mail address.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    static Resource parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no resource given");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty resource");
        }
        if (s.indexOf('@') > 0) {
            return EmailAddress.of(s);
        }
        if (s.contains("/") || s.contains(" - ") || s.matches("[0-9a-fA-F.:]+\\s*-\\s*[0-9a-fA-F.:]+")) {
            return IpRange.parse(s);
        }
        if (s.regionMatches(true, 0, "AS", 0, 2) && s.length() > 2 && s.substring(2).chars().allMatch(Character::isDigit)) {
            return Asn.parse(s);
        }
        String unbracketed = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (IpAddress.looksLikeAddress(unbracketed)) {
            return IpAddress.parse(unbracketed);
        }
        return DomainName.of(s);
    }

    /** Lower-cases and converts internationalised names to their ASCII (punycode) form. */
    static String asciiLower(String name) {
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid domain name: '" + name + "'", e);
        }
    }
}
