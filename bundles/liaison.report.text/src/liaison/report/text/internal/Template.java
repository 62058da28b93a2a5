package liaison.report.text.internal;

import java.util.List;
import java.util.function.Function;

import liaison.api.InputException;

/**
 * A report template: the first line is the subject, the rest the body. {@code {{name}}} inserts a
 * value; {@code {{#evidence}} ... {{/evidence}}} repeats its lines once per evidence line, where
 * {@code {{name}}} also reaches the event's fields ({@code {{source.ip}}}). Unknown names insert
 * nothing, so a template written for one feed works for another that lacks a field.
 */
final class Template {

    private static final String OPEN = "{{#evidence}}";
    private static final String CLOSE = "{{/evidence}}";

    private final String subject;
    private final String before;
    private final String each;
    private final String after;

    private Template(String subject, String before, String each, String after) {
        this.subject = subject;
        this.before = before;
        this.each = each;
        this.after = after;
    }

    static Template parse(String source, String text) throws InputException {
        String normalised = text.replace("\r\n", "\n");
        int nl = normalised.indexOf('\n');
        if (nl < 0 || normalised.substring(0, nl).isBlank()) {
            throw new InputException(source, 1, 1, "the first line of a template is the subject and must not be empty");
        }
        String subject = normalised.substring(0, nl);
        String body = normalised.substring(nl + 1);
        int open = body.indexOf(OPEN);
        int close = body.indexOf(CLOSE);
        if (open < 0 && close < 0) {
            return new Template(subject, body, "", "");
        }
        if (open < 0 || close < open || body.indexOf(OPEN, open + 1) >= 0) {
            int at = open < 0 ? close : body.indexOf(OPEN, open + 1) >= 0 ? body.indexOf(OPEN, open + 1) : close;
            throw new InputException(source, lineOf(normalised, nl + 1 + Math.max(at, 0)), 0,
                    "expected one " + OPEN + " ... " + CLOSE + " block");
        }
        return new Template(subject, body.substring(0, open), skipNewline(body.substring(open + OPEN.length(), close)),
                skipNewline(body.substring(close + CLOSE.length())));
    }

    private static String skipNewline(String s) {
        return s.startsWith("\n") ? s.substring(1) : s;
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    String subject(Function<String, String> values) {
        return fill(subject, values);
    }

    String body(Function<String, String> values, List<Function<String, String>> evidence) {
        StringBuilder out = new StringBuilder(fill(before, values));
        for (Function<String, String> e : evidence) {
            out.append(fill(each, name -> {
                String v = e.apply(name);
                return v != null ? v : values.apply(name);
            }));
        }
        return out.append(fill(after, values)).toString();
    }

    /** Replaces each {@code {{name}}}; a multi-line value keeps the indentation of the line it is on. */
    static String fill(String text, Function<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        int pos = 0;
        while (true) {
            int start = text.indexOf("{{", pos);
            int end = start < 0 ? -1 : text.indexOf("}}", start + 2);
            if (start < 0 || end < 0) {
                out.append(text, pos, text.length());
                return out.toString();
            }
            out.append(text, pos, start);
            String value = values.apply(text.substring(start + 2, end).strip());
            if (value != null) {
                int lineStart = out.lastIndexOf("\n") + 1;
                String indent = out.substring(lineStart).replaceAll("\\S.*", "");
                out.append(value.replace("\n", "\n" + indent));
            }
            pos = end + 2;
        }
    }
}
