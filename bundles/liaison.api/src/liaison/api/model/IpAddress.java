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

    /** Dotted quad for IPv4; RFC 5952 for IPv6 (lower case, the longest run of zero groups as {@code ::}). */
    @Override
    public String text() {
        if (isV4()) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
