package liaison.rpsl;

import java.util.Locale;

/**
 * One attribute of an RPSL object.
 *
 * @param name    attribute name, lower case (RPSL names are case-insensitive)
 * @param value   the value without end-of-line comments; continuation lines are joined with {@code '\n'}
 *                (a {@code +} line contributes an empty line)
 * @param comment end-of-line {@code #} comments joined with {@code '\n'}, or null
 * @param line    1-based line of the attribute in its input (0 when built in code)
 */
public record RpslAttribute(String name, String value, String comment, int line) {

    public RpslAttribute {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("attribute name is empty");
        }
        name = name.toLowerCase(Locale.ROOT);
        value = value == null ? "" : value;
    }

    public RpslAttribute(String name, String value) {
        this(name, value, null, 0);
    }

    /** The value on one line: continuation lines joined with single spaces. */
    public String cleanValue() {
        return value.replaceAll("\\s*\n\\s*", " ").strip();
    }
}
