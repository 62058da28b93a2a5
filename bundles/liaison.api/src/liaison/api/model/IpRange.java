package liaison.api.model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An inclusive range of addresses of one family. RIPE inetnums need not be CIDR-aligned
 * ({@code 193.0.0.0 - 193.0.7.255} is, {@code 10.0.0.0 - 10.0.2.255} is not), so a range is kept as
 * first and last address; {@link #prefixLength()} tells whether it is also a prefix.
 */
public record IpRange(IpAddress first, IpAddress last) implements Resource {

    public IpRange {
        if (first == null || last == null) {
            throw new IllegalArgumentException("range bound is null");
        }
        if (first.isV4() != last.isV4()) {
            throw new IllegalArgumentException("range mixes IPv4 and IPv6: " + first + " - " + last);
        }
        if (first.toBigInteger().compareTo(last.toBigInteger()) > 0) {
            throw new IllegalArgumentException("range starts after it ends: " + first + " - " + last);
        }
    }

    /** Reads {@code a - b} or {@code prefix/len}; for a prefix, host bits must be zero. */
    public static IpRange parse(String text) {
        String s = text.strip();
        int dash = s.indexOf('-');
        if (dash > 0 && s.indexOf('/') < 0) {
            return new IpRange(IpAddress.parse(s.substring(0, dash)), IpAddress.parse(s.substring(dash + 1)));
        }
        int slash = s.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not an address range or prefix: '" + text + "'");
        }
        IpAddress base = IpAddress.parse(s.substring(0, slash));
        int bits = base.isV4() ? 32 : 128;
        int len;
        try {
            len = Integer.parseInt(s.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
        }
        if (len < 0 || len > bits) {
            throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE);
        BigInteger start = base.toBigInteger();
        if (!start.and(hostMask).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("host bits set in prefix '" + text + "'");
        }
        return new IpRange(base, toAddress(start.or(hostMask), bits));
    }

    /** A range of exactly one address. */
    public static IpRange of(IpAddress address) {
        return new IpRange(address, address);
    }

    static IpAddress toAddress(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return new IpAddress(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(IpAddress address) {
        if (address.isV4() != first.isV4()) {
            return false;
        }
        BigInteger a = address.toBigInteger();
        return a.compareTo(first.toBigInteger()) >= 0 && a.compareTo(last.toBigInteger()) <= 0;
    }

    public boolean contains(IpRange other) {
        return contains(other.first) && contains(other.last);
    }

    /** Number of addresses in the range. */
    public BigInteger size() {
        return last.toBigInteger().subtract(first.toBigInteger()).add(BigInteger.ONE);
    }

    /** The prefix length when the range is exactly one CIDR block, else -1. */
    public int prefixLength() {
        BigInteger size = size();
        if (size.bitCount() != 1) {
            return -1;
        }
        int hostBits = size.bitLength() - 1;
        if (first.toBigInteger().getLowestSetBit() < hostBits && first.toBigInteger().signum() != 0) {
            return -1;
        }
        return (first.isV4() ? 32 : 128) - hostBits;
    }

    @Override
    public Kind kind() {
        return Kind.RANGE;
    }

    /** {@code prefix/len} when CIDR-aligned, else {@code first - last} as RIPE writes inetnums. */
    @Override
    public String text() {
        int len = prefixLength();
        return len >= 0 ? first.text() + "/" + len : first.text() + " - " + last.text();
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && Arrays.equals(first.address().getAddress(), r.first.address().getAddress())
                && Arrays.equals(last.address().getAddress(), r.last.address().getAddress());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(first.address().getAddress()) * 31 + Arrays.hashCode(last.address().getAddress());
    }
}
