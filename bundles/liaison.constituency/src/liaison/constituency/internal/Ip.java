package liaison.constituency.internal;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import liaison.api.model.IpAddress;

/**
 * Addresses as numbers, parsed straight from dump bytes (no String on the import path). IPv4 and ASNs
 * are unsigned 32-bit values in a long; IPv6 is two longs (high and low 64 bits).
 */
final class Ip {

    private Ip() {
    }

    /** Parses a dotted quad in {@code b[from, to)}; -1 when it is not one. */
    static long parseV4(byte[] b, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int n = 0;
            int digits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                n = n * 10 + (b[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || n > 255) {
                return -1;
            }
            value = (value << 8) | n;
            octets++;
            if (i == to) {
                break;
            }
            if (b[i] != '.' || octets == 4) {
                return -1;
            }
            i++;
            if (i == to) {
                return -1;
            }
        }
        return octets == 4 ? value : -1;
    }

    /**
     * Parses an IPv6 literal in {@code b[from, to)} into {@code out[0..1]} (high, low); false when it is
     * not one. An embedded IPv4 tail ({@code ::ffff:192.0.2.1}) is accepted.
     */
    static boolean parseV6(byte[] b, int from, int to, long[] out) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (to - from >= 2 && b[i] == ':' && b[i + 1] == ':') {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int v = 0;
            while (i < to && i - start < 5) {
                int d = Character.digit(b[i], 16);
                if (d < 0) {
                    break;
                }
                v = (v << 4) | d;
                i++;
            }
            if (i < to && b[i] == '.') {
                long v4 = parseV4(b, start, to);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            if (i == start || i - start > 4 || count == 8) {
                return false;
            }
            groups[count++] = v;
            if (i == to) {
                break;
            }
            if (b[i] != ':') {
                return false;
            }
            i++;
            if (i < to && b[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
            } else if (i == to) {
                return false;
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = (hi << 16) | full[g];
            lo = (lo << 16) | full[g + 4];
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    static String v4(long value) {
        return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }

    static String v6(long hi, long lo) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (hi >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        try {
            return compress((Inet6Address) InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5952 form: lower case, longest run of zero groups as {@code ::}. */
    private static String compress(Inet6Address a) {
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** The address as (high, low); IPv4 in the low 32 bits. */
    static long[] words(IpAddress address) {
        byte[] b = address.address().getAddress();
        if (address.address() instanceof Inet4Address) {
            return new long[] { 0, new BigInteger(1, b).longValue() };
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xFF);
            lo = (lo << 8) | (b[8 + i] & 0xFF);
        }
        return new long[] { hi, lo };
    }

    /** {@code prefix/len} text when {@code [first, last]} is one CIDR block of IPv4, else {@code first - last}. */
    static String v4Range(long first, long last) {
        long size = last - first + 1;
        if (Long.bitCount(size) == 1 && (first & (size - 1)) == 0) {
            return v4(first) + "/" + (32 - Long.numberOfTrailingZeros(size));
        }
        return v4(first) + " - " + v4(last);
    }

    /** IPv6 range text: a prefix when it is one, else {@code first - last}. */
    static String v6Range(long fHi, long fLo, long lHi, long lLo) {
        int len = prefixLength(fHi, fLo, lHi, lLo);
        return len >= 0 ? v6(fHi, fLo) + "/" + len : v6(fHi, fLo) + " - " + v6(lHi, lLo);
    }

    /** The prefix length when {@code [first, last]} is one CIDR block of 128-bit space, else -1. */
    static int prefixLength(long fHi, long fLo, long lHi, long lLo) {
        long xHi = fHi ^ lHi;
        long xLo = fLo ^ lLo;
        int host = xHi != 0 ? 128 - Long.numberOfLeadingZeros(xHi) : 64 - Long.numberOfLeadingZeros(xLo);
        // every host bit must be 0 in first and 1 in last
        long maskHi = host > 64 ? (host == 128 ? -1L : (1L << (host - 64)) - 1) : 0;
        long maskLo = host >= 64 ? -1L : (1L << host) - 1;
        if ((fHi & maskHi) != 0 || (fLo & maskLo) != 0 || (lHi & maskHi) != maskHi || (lLo & maskLo) != maskLo) {
            return -1;
        }
        return 128 - host;
    }
}
