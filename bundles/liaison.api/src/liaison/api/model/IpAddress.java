package liaison.api.model;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** A single IPv4 or IPv6 address, as found in a log line. Never resolved through DNS. */
public record IpAddress(InetAddress address) implements Resource {

    public IpAddress {
        if (address == null) {
            throw new IllegalArgumentException("address is null");
        }
    }

    /** Parses a literal address; a host name is refused rather than looked up. */
    public static IpAddress parse(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (!looksLikeAddress(s)) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        try {
            return new IpAddress(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'", e);
        }
    }

    /** True for dotted-quad IPv4 and colon IPv6 literals; keeps {@link InetAddress} from using DNS. */
    static boolean looksLikeAddress(String s) {
        if (s.indexOf(':') >= 0) {
            return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%')
                    && s.chars().filter(c -> c == ':').count() >= 2;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    public boolean isV4() {
        return address instanceof Inet4Address;
    }

    /** The address as an unsigned number (32 bits for IPv4, 128 for IPv6). */
    public BigInteger toBigInteger() {
        return new BigInteger(1, address.getAddress());
    }

    @Override
    public Kind kind() {
        return Kind.IP;
    }

    @Override
    public String text() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return text();
    }
}
