package liaison.constituency.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import liaison.api.InputException;
import liaison.rpsl.RpslTemplates;

/**
 * Reads an RPSL dump at byte level: objects are cut from a large buffer, only the attributes the index
 * needs become Strings, and everything else is skipped with a word-at-a-time newline search. Follows
 * the rules of {@link liaison.rpsl.RpslReader} (blank lines and {@code %} lines end objects, {@code #}
 * lines are comments, leading space, tab or {@code +} continue an attribute).
 */
final class RpslDumpParser {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    // object classes
    private static final int OTHER = 0;
    private static final int C_INETNUM = 1;
    private static final int C_INET6NUM = 2;
    private static final int C_AUTNUM = 3;
    private static final int C_IRT = 4;
    private static final int C_ROLE = 5;
    private static final int C_PERSON = 6;
    private static final int C_ORG = 7;
    private static final String[] CLASS_NAMES = { null, "inetnum", "inet6num", "aut-num", "irt", "role", "person", "organisation" };

    // captured attributes
    private static final int F_NONE = -1;
    private static final int F_MNT_IRT = 0;
    private static final int F_ABUSE_C = 1;
    private static final int F_ORG = 2;
    private static final int F_ABUSE_MAILBOX = 3;
    private static final int F_EMAIL = 4;
    private static final int F_NIC_HDL = 5;
    private static final int FIELDS = 6;
    private static final byte[][] FIELD_NAMES = { b("mnt-irt"), b("abuse-c"), b("org"), b("abuse-mailbox"), b("e-mail"), b("nic-hdl") };

    /** Characters of attribute names, lower-cased; 0 for any other byte. */
    private static final byte[] NAME_CHARS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean nameChar = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '*' || c >= 'A' && c <= 'Z';
            NAME_CHARS[c] = (byte) (!nameChar ? 0 : c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }

    /** Every attribute name of the indexed classes' RIPE templates, looked up by hash while the name is scanned. */
    private static final Names NAMES = new Names();

    private final String input;
    private final InputStream in;
    private final DatasetWriter out;
    private final boolean strict;

    private byte[] buf = new byte[8 << 20];
    private int end;
    /** Offset in the input of buf[0]; the object file is the input itself, written as it is consumed. */
    private long base;
    private boolean eof;
    private long lineNo;

    private int objStart = -1;
    private long objLine;
    private int objClass;
    private String otherType;
    private String key;
    private final long[] range = new long[4];
    private final long[] v6 = new long[2];
    private final String[] fields = new String[FIELDS];
    private int current = F_NONE;
    private final byte[] name = new byte[64];
    private byte[] lastSource = new byte[0];

    RpslDumpParser(String input, InputStream in, DatasetWriter out, boolean strict) {
        this.input = input;
        this.in = in;
        this.out = out;
        this.strict = strict;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the whole input into the dataset. */
    void parse() throws InputException, IOException {
        int pos = 0;
        while (true) {
            int nl = indexOfNewline(pos);
            if (nl < 0) {
                if (eof) {
                    if (pos < end) {
                        lineNo++;
                        line(pos, end);
                    }
                    endObject(end);
                    out.text(buf, 0, end);
                    return;
                }
                int keep = objStart >= 0 ? objStart : pos;
                out.text(buf, 0, keep);
                base += keep;
                System.arraycopy(buf, keep, buf, 0, end - keep);
                end -= keep;
                pos -= keep;
                if (objStart >= 0) {
                    objStart -= keep;
                }
                if (end == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // an object larger than the buffer
                }
                fill();
                continue;
            }
            lineNo++;
            line(pos, nl);
            pos = nl + 1;
        }
    }

    private void fill() throws InputException {
        try {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        } catch (IOException e) {
            throw new InputException(input, lineNo + 1, 0, "cannot read on: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + " (truncated or corrupt file?)", e);
        }
    }

    private int indexOfNewline(int from) {
        int i = from;
        int limit = end - 8;
        while (i <= limit) {
            long x = (long) LONGS.get(buf, i) ^ NEWLINES;
            long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            i += 8;
        }
        for (; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void line(int ls, int le) throws InputException, IOException {
        if (le > ls && buf[le - 1] == '\r') {
            le--;
        }
        if (ls == le) {
            endObject(ls);
            return;
        }
        byte c = buf[ls];
        if (c == ' ' || c == '\t' || c == '+') {
            int v = ls + 1;
            while (v < le && (buf[v] == ' ' || buf[v] == '\t')) {
                v++;
            }
            if (v == le && c != '+') {
                endObject(ls); // a blank line
                return;
            }
            if (objStart < 0) {
                throw new InputException(input, lineNo, 1, "continuation line without an attribute to continue");
            }
            if (current != F_NONE) {
                String more = value(v, le);
                if (!more.isEmpty()) {
                    fields[current] = fields[current] == null || fields[current].isEmpty() ? more : fields[current] + " " + more;
                }
            }
            return;
        }
        if (c == '%') {
            endObject(ls);
            return;
        }
        if (c == '#') {
            return;
        }
        attribute(ls, le);
    }

    private void attribute(int ls, int le) throws InputException, IOException {
        int i = ls;
        int n = 0;
        int hash = Names.SEED;
        byte[] lowerCase = NAME_CHARS;
        while (i < le) {
            byte c = buf[i];
            if (c == ':') {
                break;
            }
            byte lower = lowerCase[c & 0xFF];
            if (lower == 0 || n == name.length) {
                n = -1;
                break;
            }
            name[n++] = lower;
            hash = (hash ^ lower) * Names.PRIME;
            i++;
        }
        if (n <= 0 || i == le) {
            throw new InputException(input, lineNo, 1, (objStart >= 0 ? "object starting at line " + objLine + ": " : "")
                    + "expected 'attribute: value', found '" + abbreviate(ls, le) + "'");
        }
        int id = NAMES.find(name, n, hash);
        int vs = i + 1;
        if (objStart < 0) {
            startObject(ls, n, id, vs, le);
            return;
        }
        current = F_NONE;
        if (objClass != OTHER && strict && (id < 0 || (NAMES.classes[id] & (1 << objClass)) == 0)) {
            throw new InputException(input, lineNo, 1, CLASS_NAMES[objClass] + " '" + keyText() + "': unknown attribute '"
                    + new String(name, 0, n, StandardCharsets.US_ASCII) + "'");
        }
        if (id < 0) {
            return;
        }
        if (id == NAMES.source) {
            source(vs, le);
            return;
        }
        int f = NAMES.field[id];
        if (f >= 0 && fields[f] == null && wants(f)) {
            fields[f] = value(vs, le);
            current = f;
        }
    }

    private boolean wants(int field) {
        return switch (objClass) {
            case C_INETNUM, C_INET6NUM, C_AUTNUM -> field <= F_ORG;
            case C_IRT -> field == F_ABUSE_MAILBOX || field == F_EMAIL;
            case C_ROLE, C_PERSON -> field == F_ABUSE_MAILBOX || field == F_NIC_HDL;
            case C_ORG -> field == F_ABUSE_C;
            default -> false;
        };
    }

    private void startObject(int ls, int n, int id, int vs, int le) throws InputException {
        objStart = ls;
        objLine = lineNo;
        Arrays.fill(fields, null);
        current = F_NONE;
        objClass = id < 0 ? OTHER : NAMES.objectClass[id];
        String value = value(vs, le);
        key = value;
        otherType = objClass == OTHER ? new String(name, 0, n, StandardCharsets.US_ASCII) : null;
        switch (objClass) {
            case C_INETNUM -> parseInetnum(vs, le, value);
            case C_INET6NUM -> parseInet6num(vs, le, value);
            case C_AUTNUM -> parseAutnum(value);
            default -> {
            }
        }
    }

    private void parseInetnum(int vs, int le, String value) throws InputException {
        int[] span = trimmed(vs, le);
        int s = span[0];
        int e = span[1];
        int dash = indexOf((byte) '-', s, e);
        int slash = indexOf((byte) '/', s, e);
        long first;
        long last;
        if (dash >= 0) {
            int[] left = trimmed(s, dash);
            int[] right = trimmed(dash + 1, e);
            first = Ip.parseV4(buf, left[0], left[1]);
            last = Ip.parseV4(buf, right[0], right[1]);
        } else if (slash >= 0) {
            first = Ip.parseV4(buf, s, slash);
            int len = digits(slash + 1, e);
            if (first < 0 || len < 0 || len > 32) {
                throw brokenRange("inetnum", value, "not an IPv4 range");
            }
            long size = 1L << (32 - len);
            if ((first & (size - 1)) != 0) {
                throw brokenRange("inetnum", value, "host bits set in prefix");
            }
            last = first + size - 1;
        } else {
            first = Ip.parseV4(buf, s, e);
            last = first;
        }
        if (first < 0 || last < 0) {
            throw brokenRange("inetnum", value, "not an IPv4 range");
        }
        if (first > last) {
            throw brokenRange("inetnum", value, "range starts after it ends");
        }
        range[0] = 0;
        range[1] = first;
        range[2] = 0;
        range[3] = last;
    }

    private void parseInet6num(int vs, int le, String value) throws InputException {
        int[] span = trimmed(vs, le);
        int s = span[0];
        int e = span[1];
        int slash = indexOf((byte) '/', s, e);
        int dash = indexOf((byte) '-', s, e);
        if (slash >= 0) {
            int len = digits(slash + 1, e);
            if (!Ip.parseV6(buf, s, slash, v6) || len < 0 || len > 128) {
                throw brokenRange("inet6num", value, "not an IPv6 prefix");
            }
            long maskHi = len >= 64 ? -1L : len == 0 ? 0 : -1L << (64 - len);
            long maskLo = len <= 64 ? 0 : len == 128 ? -1L : -1L << (128 - len);
            if ((v6[0] & ~maskHi) != 0 || (v6[1] & ~maskLo) != 0) {
                throw brokenRange("inet6num", value, "host bits set in prefix");
            }
            range[0] = v6[0];
            range[1] = v6[1];
            range[2] = v6[0] | ~maskHi;
            range[3] = v6[1] | ~maskLo;
        } else if (dash >= 0) {
            int[] left = trimmed(s, dash);
            int[] right = trimmed(dash + 1, e);
            if (!Ip.parseV6(buf, left[0], left[1], v6)) {
                throw brokenRange("inet6num", value, "not an IPv6 range");
            }
            range[0] = v6[0];
            range[1] = v6[1];
            if (!Ip.parseV6(buf, right[0], right[1], v6)) {
                throw brokenRange("inet6num", value, "not an IPv6 range");
            }
            range[2] = v6[0];
            range[3] = v6[1];
            int cmp = Long.compareUnsigned(range[0], range[2]);
            if (cmp > 0 || cmp == 0 && Long.compareUnsigned(range[1], range[3]) > 0) {
                throw brokenRange("inet6num", value, "range starts after it ends");
            }
        } else {
            throw brokenRange("inet6num", value, "not an IPv6 prefix");
        }
    }

    private void parseAutnum(String value) throws InputException {
        String v = value.regionMatches(true, 0, "AS", 0, 2) ? value.substring(2) : "";
        long asn = -1;
        if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(Character::isDigit)) {
            asn = Long.parseLong(v);
        }
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new InputException(input, lineNo, 1, "aut-num '" + value + "': not an AS number");
        }
        range[0] = 0;
        range[1] = asn;
        range[2] = 0;
        range[3] = asn;
    }

    private InputException brokenRange(String type, String value, String problem) {
        return new InputException(input, lineNo, 1, type + " '" + value + "': " + problem);
    }

    private void endObject(int oe) throws IOException {
        if (objStart < 0) {
            return;
        }
        long ref = out.object(base + objStart);
        objStart = -1;
        current = F_NONE;
        String mntIrt = firstOfList(fields[F_MNT_IRT]);
        switch (objClass) {
            case C_INETNUM -> out.range(DatasetWriter.INETNUM, ref, range[0], range[1], range[2], range[3], mntIrt,
                    upper(fields[F_ABUSE_C]), upper(fields[F_ORG]), null);
            case C_INET6NUM -> out.range(DatasetWriter.INET6NUM, ref, range[0], range[1], range[2], range[3], mntIrt,
                    upper(fields[F_ABUSE_C]), upper(fields[F_ORG]), null);
            case C_AUTNUM -> {
                out.range(DatasetWriter.AUTNUM, ref, 0, range[1], 0, range[3], mntIrt, upper(fields[F_ABUSE_C]),
                        upper(fields[F_ORG]), null);
                out.keyed(ref, "aut-num", "AS" + range[1], null);
            }
            case C_IRT -> out.keyed(ref, "irt", upper(key),
                    fields[F_ABUSE_MAILBOX] != null ? firstOfList(fields[F_ABUSE_MAILBOX]) : firstOfList(fields[F_EMAIL]));
            case C_ROLE, C_PERSON -> {
                if (fields[F_NIC_HDL] != null) {
                    out.keyed(ref, CLASS_NAMES[objClass], upper(fields[F_NIC_HDL]), firstOfList(fields[F_ABUSE_MAILBOX]));
                }
            }
            case C_ORG -> out.keyed(ref, "organisation", upper(key), upper(fields[F_ABUSE_C]));
            default -> out.keyed(ref, otherType, upper(key), null);
        }
    }

    private void source(int vs, int le) {
        int[] span = trimmed(vs, le);
        int hash = indexOf((byte) '#', span[0], span[1]);
        int e = hash >= 0 ? trimmed(span[0], hash)[1] : span[1];
        int len = e - span[0];
        if (len == lastSource.length && Arrays.equals(buf, span[0], e, lastSource, 0, len)) {
            return;
        }
        lastSource = Arrays.copyOfRange(buf, span[0], e);
        out.source(new String(lastSource, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT));
    }

    /** The value without an end-of-line comment, trimmed. */
    private String value(int vs, int le) {
        int hash = indexOf((byte) '#', vs, le);
        int[] span = trimmed(vs, hash >= 0 ? hash : le);
        return new String(buf, span[0], span[1] - span[0], StandardCharsets.ISO_8859_1);
    }

    private int[] trimmed(int s, int e) {
        while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
            s++;
        }
        while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
            e--;
        }
        return new int[] { s, e };
    }

    private int indexOf(byte c, int s, int e) {
        for (int i = s; i < e; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int digits(int s, int e) {
        int[] span = trimmed(s, e);
        if (span[0] == span[1] || span[1] - span[0] > 3) {
            return -1;
        }
        int v = 0;
        for (int i = span[0]; i < span[1]; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return -1;
            }
            v = v * 10 + buf[i] - '0';
        }
        return v;
    }

    private String keyText() {
        return key == null ? "" : key;
    }

    private String abbreviate(int ls, int le) {
        String s = new String(buf, ls, Math.min(le - ls, 60), StandardCharsets.ISO_8859_1);
        return le - ls > 60 ? s + "..." : s;
    }

    private static String upper(String s) {
        return s == null || s.isEmpty() ? null : s.toUpperCase(Locale.ROOT);
    }

    /** The first value of a comma-separated list ({@code mnt-irt: IRT-A, IRT-B}). */
    private static String firstOfList(String s) {
        if (s == null) {
            return null;
        }
        int comma = s.indexOf(',');
        String first = (comma >= 0 ? s.substring(0, comma) : s).strip();
        return first.isEmpty() ? null : first;
    }

    /** Attribute names with the classes that may carry them and the field each fills. */
    private static final class Names {
        static final int SEED = 0x811C9DC5;
        static final int PRIME = 0x01000193;
        private static final int SLOTS = 1024;

        final byte[][] names;
        final int[] classes;
        final int[] field;
        final int[] objectClass;
        final int source;
        private final int[] slots = new int[SLOTS];

        Names() {
            java.util.LinkedHashMap<String, Integer> masks = new java.util.LinkedHashMap<>();
            for (int c = 1; c < CLASS_NAMES.length; c++) {
                int bit = 1 << c;
                RpslTemplates.forType(CLASS_NAMES[c]).orElseThrow().attributes()
                        .forEach(a -> masks.merge(a.name(), bit, (x, y) -> x | y));
            }
            int count = masks.size();
            names = new byte[count][];
            classes = new int[count];
            field = new int[count];
            objectClass = new int[count];
            int id = 0;
            int sourceId = -1;
            for (Map.Entry<String, Integer> e : masks.entrySet()) {
                names[id] = b(e.getKey());
                classes[id] = e.getValue();
                field[id] = -1;
                for (int f = 0; f < FIELDS; f++) {
                    if (Arrays.equals(names[id], FIELD_NAMES[f])) {
                        field[id] = f;
                    }
                }
                for (int c = 1; c < CLASS_NAMES.length; c++) {
                    if (e.getKey().equals(CLASS_NAMES[c])) {
                        objectClass[id] = c;
                    }
                }
                if (e.getKey().equals("source")) {
                    sourceId = id;
                }
                int h = SEED;
                for (byte x : names[id]) {
                    h = (h ^ x) * PRIME;
                }
                int slot = h & (SLOTS - 1);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (SLOTS - 1);
                }
                slots[slot] = id + 1;
                id++;
            }
            source = sourceId;
        }

        /** The id of the lower-case name in {@code b[0, n)} with the given hash, -1 when unknown. */
        int find(byte[] b, int n, int hash) {
            int slot = hash & (SLOTS - 1);
            for (int e; (e = slots[slot]) != 0; slot = (slot + 1) & (SLOTS - 1)) {
                byte[] candidate = names[e - 1];
                if (candidate.length == n && same(candidate, b, n)) {
                    return e - 1;
                }
            }
            return -1;
        }

        /** A plain loop: names are short, shorter than an intrinsic's set-up pays for. */
        private static boolean same(byte[] a, byte[] b, int n) {
            for (int k = 0; k < n; k++) {
                if (a[k] != b[k]) {
                    return false;
                }
            }
            return true;
        }
    }
}
