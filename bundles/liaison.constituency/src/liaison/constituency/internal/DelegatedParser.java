package liaison.constituency.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import liaison.api.InputException;

/**
 * Reads RIR delegated and delegated-extended statistics ({@code registry|cc|type|start|value|date|status[|opaque-id]}):
 * a version line, summary lines and one record per block. IPv4 values are address counts (blocks need
 * not be CIDR), IPv6 values prefix lengths, ASN values counts.
 */
final class DelegatedParser {

    private final String input;
    private final InputStream in;
    private final DatasetWriter out;
    private final long[] v6 = new long[2];

    DelegatedParser(String input, InputStream in, DatasetWriter out) {
        this.input = input;
        this.in = in;
        this.out = out;
    }

    void parse() throws InputException, IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        long lineNo = 0;
        String line;
        while (true) {
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new InputException(input, lineNo + 1, 0, "cannot read on: " + e.getMessage() + " (truncated or corrupt file?)", e);
            }
            if (line == null) {
                return;
            }
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length < 6) {
                throw new InputException(input, lineNo, 1, "expected 'registry|cc|type|start|value|date|status', found '" + abbreviate(line) + "'");
            }
            if (Character.isDigit(f[0].charAt(0)) || "summary".equals(f[5].strip()) || f.length < 7) {
                continue; // version line or summary
            }
            record(f, lineNo, line);
        }
    }

    private void record(String[] f, long lineNo, String line) throws InputException, IOException {
        String registry = f[0].strip();
        String cc = f[1].strip().toUpperCase(java.util.Locale.ROOT);
        String type = f[2].strip();
        String start = f[3].strip();
        String value = f[4].strip();
        String attr = String.join("|", registry, cc, f[6].strip(), f[5].strip(), f.length > 7 ? f[7].strip() : "");
        out.source(registry);
        try {
            long count = Long.parseLong(value);
            byte[] s = start.getBytes(StandardCharsets.ISO_8859_1);
            switch (type) {
                case "ipv4" -> {
                    long first = Ip.parseV4(s, 0, s.length);
                    if (first < 0 || count < 1 || first + count - 1 > 0xFFFF_FFFFL) {
                        throw new NumberFormatException();
                    }
                    out.range(DatasetWriter.STAT4, -1, 0, first, 0, first + count - 1, null, null, null, attr);
                }
                case "ipv6" -> {
                    if (!Ip.parseV6(s, 0, s.length, v6) || count < 0 || count > 128) {
                        throw new NumberFormatException();
                    }
                    int len = (int) count;
                    long hostHi = len >= 64 ? 0 : len == 0 ? -1L : -1L >>> len;
                    long hostLo = len <= 64 ? -1L : len == 128 ? 0 : -1L >>> (len - 64);
                    out.range(DatasetWriter.STAT6, -1, v6[0] & ~hostHi, v6[1] & ~hostLo, v6[0] | hostHi, v6[1] | hostLo, null,
                            null, null, attr);
                }
                case "asn" -> {
                    long first = Long.parseLong(start);
                    if (first < 0 || count < 1 || first + count - 1 > 0xFFFF_FFFFL) {
                        throw new NumberFormatException();
                    }
                    out.range(DatasetWriter.STAT_ASN, -1, 0, first, 0, first + count - 1, null, null, null, attr);
                }
                default -> throw new InputException(input, lineNo, 1, "unknown record type '" + type + "'");
            }
        } catch (NumberFormatException e) {
            throw new InputException(input, lineNo, 1, "bad " + type + " block '" + start + "|" + value + "' in '" + abbreviate(line) + "'");
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
