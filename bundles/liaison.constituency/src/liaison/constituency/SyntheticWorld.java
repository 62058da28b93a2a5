package liaison.constituency;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a synthetic RIPE-style database for tests and benchmarks: irt, role and organisation
 * objects, IPv4 allocations with nested assignments (CIDR and, unless {@code cidrOnly}, ranges that
 * are not), IPv6 allocations with nested assignments, and aut-nums; a mix of own and inherited
 * {@code mnt-irt}, own {@code abuse-c} and organisations' {@code abuse-c}. The same seed gives the same
 * world. A {@link Listener} receives every range with the answers ripe-254 and RIPE's abuse rule
 * require, computed by the generator from its own hierarchy (an oracle independent of the index).
 */
public final class SyntheticWorld {

    /**
     * @param seed      random seed
     * @param ranges    inetnum and inet6num objects to write (allocations and assignments)
     * @param cidrOnly  true: every IPv4 range is a CIDR block (to compare with prefix tries)
     * @param ipv6Share fraction of the ranges that are inet6num
     * @param padding   extra {@code remarks:} lines per range object, to reach a dump size
     */
    public record Options(long seed, int ranges, boolean cidrOnly, double ipv6Share, int padding) {
    }

    /** Receives each range as written. IPv4 in the low words. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param key          the primary key as written
         * @param irt          the irt responsible per ripe-254 {@code -c} (own or inherited), or null
         * @param abuseMailbox the abuse mailbox by RIPE's rule, or null
         */
        void range(boolean v6, long firstHi, long firstLo, long lastHi, long lastLo, String key, String irt, String abuseMailbox);
    }

    /** What was written. */
    public record Stats(long objects, long ranges, long bytes) {
    }

    private static final int IRTS = 64;
    private static final int ORGS = 4096;

    private final Options options;
    private SplittableRandom random;
    private OutputStream out;
    private Listener listener;
    private long objects;
    private long ranges;
    private long bytes;
    private final StringBuilder sb = new StringBuilder(4096);

    public SyntheticWorld(Options options) {
        this.options = options;
    }

    public Stats write(OutputStream target, Listener rangeListener) throws IOException {
        random = new SplittableRandom(options.seed());
        out = target;
        listener = rangeListener == null ? (v6, a, b, c, d, k, i, m) -> { } : rangeListener;
        objects = 0;
        ranges = 0;
        bytes = 0;
        header();
        for (int i = 0; i < IRTS; i++) {
            irt(i);
        }
        for (int i = 0; i < ORGS; i++) {
            role(i);
            organisation(i);
        }
        long v6Target = Math.round(options.ranges() * options.ipv6Share());
        long v4Target = options.ranges() - v6Target;
        ipv4(v4Target);
        ipv6(v6Target);
        for (int i = 0; i < Math.max(1, options.ranges() / 50); i++) {
            autnum(i);
        }
        out.flush();
        return new Stats(objects, ranges, bytes);
    }

    private void header() throws IOException {
        sb.append("#\n# Synthetic RIPE-style database written by Liaison's SyntheticWorld (seed ")
                .append(options.seed()).append(").\n# Not real data.\n#\n\n");
        flush(false);
    }

    private static String irtName(int i) {
        return "IRT-GEN" + i + "-CERT";
    }

    private static String irtMailbox(int i) {
        return "cert" + i + "@irt.example";
    }

    /** Even irts have an abuse-mailbox, odd ones only an e-mail. */
    private static String irtEmail(int i) {
        return i % 2 == 0 ? "incident" + i + "@irt.example" : irtMailbox(i);
    }

    private static String orgName(int i) {
        return "ORG-G" + i + "-GEN";
    }

    private static String abuseRole(int i) {
        return "AR" + i + "-GEN";
    }

    private static String orgMailbox(int i) {
        return "abuse@org" + i + ".example";
    }

    /** Every seventh organisation has no abuse-c: its ranges inherit or fall back. */
    private static boolean orgHasAbuse(int i) {
        return i % 7 != 0;
    }

    private void irt(int i) throws IOException {
        attr("irt", irtName(i));
        attr("address", "Incident Street " + i);
        attr("e-mail", i % 2 == 0 ? irtEmail(i) : irtMailbox(i));
        if (i % 2 == 0) {
            attr("abuse-mailbox", irtMailbox(i));
        }
        attr("signature", "PGPKEY-" + String.format("%08X", i));
        attr("encryption", "PGPKEY-" + String.format("%08X", i));
        attr("admin-c", "GEN1-GEN");
        attr("tech-c", "GEN1-GEN");
        attr("auth", "PGPKEY-" + String.format("%08X", i));
        attr("mnt-by", "GEN-MNT");
        attr("source", "GEN");
        flush(true);
    }

    private void role(int i) throws IOException {
        attr("role", "Abuse desk " + i);
        attr("address", "Abuse Lane " + i);
        attr("e-mail", "noc@org" + i + ".example");
        attr("abuse-mailbox", orgMailbox(i));
        attr("nic-hdl", abuseRole(i));
        attr("mnt-by", "GEN-MNT");
        attr("source", "GEN");
        flush(true);
    }

    private void organisation(int i) throws IOException {
        attr("organisation", orgName(i));
        attr("org-name", "Generated Organisation " + i);
        attr("org-type", "LIR");
        attr("address", "Main Street " + i);
        attr("e-mail", "info@org" + i + ".example");
        if (orgHasAbuse(i)) {
            attr("abuse-c", abuseRole(i));
        }
        attr("mnt-ref", "GEN-MNT");
        attr("mnt-by", "GEN-MNT");
        attr("source", "GEN");
        flush(true);
    }

    private void autnum(int i) throws IOException {
        int org = random.nextInt(ORGS);
        attr("aut-num", "AS" + (64512 + i));
        attr("as-name", "GEN-AS" + i);
        attr("org", orgName(org));
        attr("admin-c", "GEN1-GEN");
        attr("tech-c", "GEN1-GEN");
        if (i % 3 == 0) {
            attr("abuse-c", abuseRole((org + 1) % ORGS));
        }
        attr("mnt-by", "GEN-MNT");
        attr("source", "GEN");
        flush(true);
    }

    /** Inherited answers of the enclosing range. */
    private record Context(String irt, String abuse) {
    }

    private void ipv4(long target) throws IOException {
        long cursor = 0x0200_0000L; // 2.0.0.0
        long limit = 0xE000_0000L; // below multicast
        while (ranges < target) {
            int prefix = 16 + random.nextInt(5);
            long size = 1L << (32 - prefix);
            cursor = (cursor + size - 1) & -size;
            if (cursor + size > limit) {
                throw new IllegalArgumentException("the IPv4 space is too small for " + target + " ranges");
            }
            v4Range(cursor, cursor + size - 1, 0, new Context(null, null), target, "ALLOCATED PA");
            cursor += size + (random.nextInt(4) == 0 ? size : 0);
        }
    }

    private void v4Range(long first, long last, int depth, Context outer, long target, String status) throws IOException {
        Context here = inetnum(false, 0, first, 0, last, depth, outer, status);
        long size = last - first + 1;
        if (depth >= 3 || size < 16) {
            return;
        }
        int slotsLog = 2 + random.nextInt(3);
        long slot = size >>> slotsLog;
        for (long s = first; s + slot - 1 <= last && ranges < target; s += slot) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            long childLast = s + slot - 1;
            if (!options.cidrOnly() && random.nextInt(4) == 0 && slot > 4) {
                childLast = s + 1 + random.nextLong(slot - 2); // not CIDR-aligned in length
            }
            v4Range(s, childLast, depth + 1, here, target, depth == 0 ? "SUB-ALLOCATED PA" : "ASSIGNED PA");
        }
    }

    private void ipv6(long target) throws IOException {
        long base = 0x2A00_0000_0000_0000L;
        long step = 1L << (64 - 29);
        long allocated = 0;
        while (allocated < target) {
            long hi = base + random.nextLong(16) * step;
            long before = ranges;
            v6Prefix(hi, 29 + random.nextInt(4), 0, new Context(null, null), ranges + (target - allocated));
            allocated += ranges - before;
            base = hi + step;
        }
    }

    private void v6Prefix(long hi, int len, int depth, Context outer, long stop) throws IOException {
        long host = len >= 64 ? 0 : -1L >>> len;
        long first = hi & ~host;
        Context here = inetnum(true, first, 0, first | host, -1L, depth, outer,
                depth == 0 ? "ALLOCATED-BY-RIR" : "ASSIGNED");
        if (depth >= 2 || len >= 48) {
            return;
        }
        int childLen = depth == 0 ? 40 : 48;
        int children = 1 + random.nextInt(6);
        long childSize = 1L << (64 - childLen);
        long slots = 1L << (childLen - len);
        long index = random.nextLong(4);
        for (int c = 0; c < children && index < slots && ranges < stop; c++) {
            v6Prefix(first + index * childSize, childLen, depth + 1, here, stop);
            index += 1 + random.nextLong(4);
        }
    }

    private Context inetnum(boolean v6, long fHi, long fLo, long lHi, long lLo, int depth, Context outer, String status)
            throws IOException {
        String key = v6 ? v6Prefix(fHi, lHi) : v4(fLo) + " - " + v4(lLo);
        int org = random.nextInt(ORGS);
        boolean hasOrg = depth == 0 || random.nextInt(3) == 0;
        String ownIrt = random.nextInt(depth == 0 ? 3 : 10) == 0 ? irtName(random.nextInt(IRTS)) : null;
        String ownAbuse = random.nextInt(depth == 0 ? 2 : 20) == 0 ? abuseRole(random.nextInt(ORGS)) : null;
        attr(v6 ? "inet6num" : "inetnum", key);
        attr("netname", "GEN-NET-" + ranges);
        attr("descr", "Synthetic network " + ranges);
        attr("country", "EU");
        if (hasOrg) {
            attr("org", orgName(org));
        }
        attr("admin-c", "GEN1-GEN");
        attr("tech-c", "GEN1-GEN");
        if (ownAbuse != null) {
            attr("abuse-c", ownAbuse);
        }
        attr("status", status);
        for (int p = 0; p < options.padding(); p++) {
            attr("remarks", "Synthetic remark line " + p + " to give the dump a realistic size");
        }
        if (ownIrt != null) {
            attr("mnt-irt", ownIrt);
        }
        attr("mnt-by", "GEN-MNT");
        attr("created", "2020-01-01T00:00:00Z");
        attr("last-modified", "2024-01-01T00:00:00Z");
        attr("source", "GEN");
        flush(true);
        ranges++;
        String irt = ownIrt != null ? ownIrt : outer.irt();
        String abuse = ownAbuse != null ? orgMailbox(Integer.parseInt(ownAbuse.substring(2, ownAbuse.indexOf('-'))))
                : hasOrg && orgHasAbuse(org) ? orgMailbox(org) : outer.abuse();
        listener.range(v6, fHi, fLo, lHi, lLo, key, irt, abuse);
        return new Context(irt, abuse);
    }

    private static String v4(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    private static String v6Prefix(long firstHi, long lastHi) {
        int len = Long.numberOfLeadingZeros(firstHi ^ lastHi);
        StringBuilder s = new StringBuilder();
        int groups = (len + 15) / 16;
        for (int g = 0; g < Math.max(1, groups); g++) {
            if (g > 0) {
                s.append(':');
            }
            s.append(Integer.toHexString((int) (firstHi >>> (48 - 16 * g)) & 0xFFFF));
        }
        return s.append(groups < 8 ? "::/" : "/").append(len).toString();
    }

    private void attr(String name, String value) {
        sb.append(name).append(':');
        for (int i = name.length() + 1; i < 16; i++) {
            sb.append(' ');
        }
        sb.append(value).append('\n');
    }

    private void flush(boolean object) throws IOException {
        if (object) {
            sb.append('\n');
            objects++;
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(b);
        bytes += b.length;
        sb.setLength(0);
    }
}
