package liaison.whois;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the e-mail values registries hold as people typed them, after the cases the CERT-Bund
 * contact database meets in RIPE's {@code abuse-mailbox:} values: a display name with the address in
 * angle brackets, a trailing comma, a comment in parentheses, several addresses separated by spaces
 * or commas, upper case. Quoted local parts ({@code "abuse contact"@example.com}) are kept verbatim.
 */
public final class Mailboxes {

    private static final Pattern IN_TEXT = Pattern.compile("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]+");

    private Mailboxes() {
    }

    /** The addresses written in a line of free text ({@code remarks:}, a comment), as written. */
    public static List<String> inText(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(line);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The addresses in one value, normalised, duplicates removed, in order. */
    public static List<String> normalise(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) {
            return List.of();
        }
        for (String token : tokens(value)) {
            String address = clean(token);
            if (address != null) {
                out.add(address);
            }
        }
        return List.copyOf(out);
    }

    /** Normalises each value and joins the results, duplicates removed. */
    public static List<String> normaliseAll(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.addAll(normalise(v));
        }
        return List.copyOf(out);
    }

    /** Splits at spaces, commas and semicolons outside quotes; drops parenthesised comments. */
    private static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '"') {
                    quoted = false;
                }
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '"') {
                quoted = true;
                current.append(c);
            } else if (Character.isWhitespace(c) || c == ',' || c == ';') {
                flush(current, tokens);
            } else {
                current.append(c);
            }
        }
        flush(current, tokens);
        return tokens;
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (!current.isEmpty()) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    /** One token as an address, or null when it is not one (a display name, a stray word). */
    private static String clean(String token) {
        String s = token.strip();
        if (s.startsWith("<")) {
            s = s.substring(1);
        }
        if (s.endsWith(">")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        while (!s.isEmpty() && ".:".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return null;
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.indexOf('.') <= 0 || domain.endsWith(".") || !DOMAIN.matcher(domain).matches()) {
            return null;
        }
        if (!local.startsWith("\"")) {
            if (local.indexOf('"') >= 0 || local.indexOf('<') >= 0) {
                return null;
            }
            local = local.toLowerCase(Locale.ROOT);
        }
        return local + "@" + domain;
    }
}
