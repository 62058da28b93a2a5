package liaison.whoisd.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One whois query in the RIPE database's syntax: flags (single letters, groupable: {@code -rB}; or
 * long names), then the search key.
 */
record Query(Set<Character> flags, Set<String> types, String info, String key) {

    /** Flags taking no argument that this server implements or harmlessly accepts. */
    private static final String SIMPLE = "cbrBxlLmMKkaG";

    static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        BadQuery(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    boolean has(char flag) {
        return flags.contains(flag);
    }

    static Query parse(String line) throws BadQuery {
        String[] tokens = line.strip().split("\\s+");
        Set<Character> flags = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        String info = null;
        List<String> key = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                continue;
            }
            if (!key.isEmpty() || !t.startsWith("-") || t.equals("-")) {
                key.add(t);
                continue;
            }
            if (t.startsWith("--")) {
                char f = longFlag(t);
                if (f == 'T' || f == 'q') {
                    i = argument(tokens, i, t);
                    if (f == 'T') {
                        addTypes(types, tokens[i]);
                    } else {
                        info = tokens[i].toLowerCase(Locale.ROOT);
                    }
                }
                flags.add(f);
                continue;
            }
            for (int c = 1; c < t.length(); c++) {
                char f = t.charAt(c);
                if (f == 'T' || f == 'q' || f == 's' || f == 'V') {
                    String arg = c + 1 < t.length() ? t.substring(c + 1) : tokens[i = argument(tokens, i, t)];
                    if (f == 'T') {
                        addTypes(types, arg);
                    } else if (f == 'q') {
                        info = arg.toLowerCase(Locale.ROOT);
                    }
                    flags.add(f);
                    break;
                }
                if (SIMPLE.indexOf(f) < 0) {
                    throw new BadQuery(111, "invalid option supplied: -" + f);
                }
                flags.add(f);
            }
        }
        if (info != null && !Set.of("version", "sources", "types").contains(info)) {
            throw new BadQuery(111, "invalid option supplied: -q " + info + " (version, sources or types)");
        }
        long scopes = flags.stream().filter(f -> "xlLmMc".indexOf(f) >= 0).count();
        if (scopes > 1) {
            throw new BadQuery(109, "invalid combination of flags passed: use only one of -x, -l, -L, -m, -M, -c");
        }
        String k = String.join(" ", key);
        if (info == null && k.isEmpty() && !flags.contains('k')) {
            throw new BadQuery(106, "no search key specified");
        }
        return new Query(flags, types, info, k);
    }

    private static int argument(String[] tokens, int i, String flag) throws BadQuery {
        if (i + 1 >= tokens.length) {
            throw new BadQuery(111, "invalid option supplied: " + flag + " needs an argument");
        }
        return i + 1;
    }

    private static void addTypes(Set<String> types, String arg) {
        for (String t : arg.split(",")) {
            if (!t.isBlank()) {
                types.add(t.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static char longFlag(String t) throws BadQuery {
        return switch (t) {
            case "--irt" -> 'c';
            case "--abuse-contact", "--brief" -> 'b';
            case "--no-referenced" -> 'r';
            case "--no-filtering" -> 'B';
            case "--exact" -> 'x';
            case "--one-less" -> 'l';
            case "--all-less" -> 'L';
            case "--one-more" -> 'm';
            case "--all-more" -> 'M';
            case "--primary-keys" -> 'K';
            case "--persistent-connection" -> 'k';
            case "--select-types" -> 'T';
            default -> throw new BadQuery(111, "invalid option supplied: " + t);
        };
    }
}
