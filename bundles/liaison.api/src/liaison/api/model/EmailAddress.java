package liaison.api.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address (addr-spec only, no display name). The domain part is lower-cased; the local
 * part is kept as written because some mail systems distinguish case there.
 */
public record EmailAddress(String address) implements Resource {

    private static final Pattern ADDR = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]{2,63}");

    public EmailAddress {
        if (address == null || address.length() > 254 || !ADDR.matcher(address).matches()) {
            throw new IllegalArgumentException("not an e-mail address: '" + address + "'");
        }
    }

    /** Strips {@code mailto:}, angle brackets and surrounding space, lower-cases the domain. */
    public static EmailAddress of(String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        int at = s.lastIndexOf('@');
        if (at > 0) {
            s = s.substring(0, at + 1) + s.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return new EmailAddress(s);
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    @Override
    public Kind kind() {
        return Kind.EMAIL;
    }

    @Override
    public String text() {
        return address;
    }

    @Override
    public String toString() {
        return address;
    }
}
