package liaison.whois.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.whois.TextEmail;

/** Reading the values registries write: addresses in free text, dates, ranges and prefixes. */
public final class Text {

    private static final Pattern DATE_TOKEN = Pattern.compile("\\b(\\d{4})[-/]?(\\d{2})[-/]?(\\d{2})\\b");

    private Text() {
    }

    /** Adds the addresses of a free-text line to {@code into}. */
    public static void collectEmails(String attribute, String line, List<TextEmail> into) {
        for (String e : liaison.whois.Mailboxes.inText(line)) {
            into.add(new TextEmail(e, line.strip(), attribute));
        }
    }

    /**
     * A date as registries write them: ISO instants ({@code 2008-08-14T14:54:30Z}), dates
     * ({@code 2012-02-24}, {@code 20131029}, {@code 2015/01/14 11:50:03(JST)}), or the date at the end
     * of an RPSL {@code changed:} value. Null when there is none.
     */
    public static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // not an ISO instant; look for a date
        }
        try {
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date-time either
        }
        Matcher m = DATE_TOKEN.matcher(v);
        Instant last = null;
        while (m.find()) {
            try {
                last = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        .atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                // eight digits that are not a date (a phone number fragment)
            }
        }
        return last;
    }

    /** The later of two instants, either may be null. */
    public static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /**
     * An address range as registries write it: {@code a - b}, {@code prefix/len}, LACNIC's short
     * prefixes ({@code 200.57.128/19}), KRNIC's {@code a - b (/12+/13)}. Null when unreadable.
     */
    public static IpRange range(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int paren = v.indexOf('(');
        if (paren > 0) {
            v = v.substring(0, paren).strip();
        }
        int comma = v.indexOf(',');
        if (comma > 0) {
            v = v.substring(0, comma).strip(); // ARIN CIDR lists several prefixes; NetRange is used instead
        }
        try {
            int slash = v.indexOf('/');
            if (slash > 0 && v.indexOf(':') < 0) {
                String base = v.substring(0, slash);
                String[] octets = base.split("\\.");
                if (octets.length < 4) {
                    StringBuilder sb = new StringBuilder(base);
                    for (int i = octets.length; i < 4; i++) {
                        sb.append(".0");
                    }
                    v = sb + v.substring(slash);
                }
            }
            if (slash > 0) {
                return prefix(v);
            }
            return IpRange.parse(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A prefix whose host bits may be set (some registries write {@code 2001:0240::/32} padded). */
    private static IpRange prefix(String v) {
        int slash = v.indexOf('/');
        IpAddress base = IpAddress.parse(v.substring(0, slash));
        int bits = base.isV4() ? 32 : 128;
        int len = Integer.parseInt(v.substring(slash + 1).strip());
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE);
        BigInteger start = base.toBigInteger().andNot(hostMask);
        return IpRange.parse(toText(start, bits) + " - " + toText(start.or(hostMask), bits));
    }

    private static String toText(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AS numbers from {@code AS3333}, {@code 3333}, {@code AS1 - AS10}: [first, last], or null. */
    public static long[] asRange(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split("\\s*-\\s*");
        try {
            long first = asNumber(parts[0]);
            long last = parts.length > 1 ? asNumber(parts[1]) : first;
            return new long[] { first, last };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long asNumber(String s) {
        String t = s.strip();
        if (t.regionMatches(true, 0, "AS", 0, 2)) {
            t = t.substring(2);
        }
        return Long.parseLong(t.strip());
    }

    /** {@code Google Inc. (GOGL)} → {@code GOGL}; null when there are no parentheses. */
    public static String handleInParentheses(String value) {
        int open = value.lastIndexOf('(');
        int close = value.lastIndexOf(')');
        return open >= 0 && close > open ? value.substring(open + 1, close).strip() : null;
    }
}
