package liaison.rpsl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import liaison.api.InputException;

/**
 * Reads RPSL objects one at a time from a stream, so dumps of any size are read in constant memory.
 * Rules (RFC 2622 and the RIPE database's practice): objects are separated by empty lines; an
 * attribute line is {@code name: value}; a line starting with space, tab or {@code +} continues the
 * previous attribute ({@code +} stands for an empty line); {@code #} starts an end-of-line comment and
 * a line starting with {@code #} is a comment; lines starting with {@code %} are server comments,
 * passed to the given consumer and never part of an object.
 */
public final class RpslReader implements AutoCloseable {

    private final String input;
    private final BufferedReader reader;
    private final Consumer<String> serverComments;
    private int lineNumber;

    /**
     * @param input          name of the input for error messages (file, URL, server)
     * @param reader         the text; already decoded with the right charset
     * @param serverComments receives each {@code %} line without the {@code %} and one following space
     */
    public RpslReader(String input, Reader reader, Consumer<String> serverComments) {
        this.input = input;
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.serverComments = serverComments == null ? c -> { } : serverComments;
    }

    /** The next object, or null at the end of the input. */
    public RpslObject next() throws InputException {
        List<RpslAttribute> attributes = new ArrayList<>();
        int objectLine = 0;
        String name = null;
        StringBuilder value = null;
        StringBuilder comment = null;
        int attributeLine = 0;
        String line;
        while ((line = readLine()) != null) {
            if (line.isBlank()) {
                if (name != null) {
                    break; // an empty line ends the object
                }
                continue;
            }
            char first = line.charAt(0);
            if (first == '%') {
                serverComments.accept(line.length() > 1 && line.charAt(1) == ' ' ? line.substring(2) : line.substring(1));
                if (name != null) {
                    break; // a server comment ends the object it follows
                }
                continue;
            }
            if (first == '#') {
                continue;
            }
            if (first == ' ' || first == '\t' || first == '+') {
                if (name == null) {
                    throw new InputException(input, lineNumber, 1, "continuation line without an attribute to continue");
                }
                String[] parts = splitComment(first == '+' ? line.substring(1) : line);
                value.append('\n').append(parts[0].strip());
                comment = appendComment(comment, parts[1]);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !validName(line, colon)) {
                throw new InputException(input, lineNumber, 1, (name == null ? "" : "object "
                        + describe(attributes, name, value) + ": ") + "expected 'attribute: value', found '" + abbreviate(line) + "'");
            }
            if (name != null) {
                attributes.add(new RpslAttribute(name, value.toString().strip(), comment == null ? null : comment.toString(), attributeLine));
            } else {
                objectLine = lineNumber;
            }
            name = line.substring(0, colon);
            String[] parts = splitComment(line.substring(colon + 1));
            value = new StringBuilder(parts[0].strip());
            comment = appendComment(null, parts[1]);
            attributeLine = lineNumber;
        }
        if (name != null) {
            attributes.add(new RpslAttribute(name, value.toString().strip(), comment == null ? null : comment.toString(), attributeLine));
        }
        return attributes.isEmpty() ? null : new RpslObject(attributes, objectLine);
    }

    /** Line number of the last line read (1-based); 0 before the first. */
    public int lineNumber() {
        return lineNumber;
    }

    private String readLine() throws InputException {
        try {
            String l = reader.readLine();
            if (l != null) {
                lineNumber++;
            }
            return l;
        } catch (IOException e) {
            throw new InputException(input, lineNumber + 1, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean validName(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '*')) {
                return false;
            }
        }
        return true;
    }

    /** Splits off an end-of-line comment: [value, comment or null]. */
    private static String[] splitComment(String text) {
        int hash = text.indexOf('#');
        if (hash < 0) {
            return new String[] { text, null };
        }
        String comment = text.substring(hash + 1).strip();
        return new String[] { text.substring(0, hash), comment.isEmpty() ? null : comment };
    }

    private static StringBuilder appendComment(StringBuilder comments, String comment) {
        if (comment == null) {
            return comments;
        }
        if (comments == null) {
            return new StringBuilder(comment);
        }
        return comments.append('\n').append(comment);
    }

    private static String describe(List<RpslAttribute> attributes, String name, StringBuilder value) {
        if (!attributes.isEmpty()) {
            return "'" + attributes.get(0).name() + ": " + attributes.get(0).cleanValue() + "'";
        }
        return "'" + name + ": " + (value == null ? "" : value.toString().strip()) + "'";
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    @Override
    public void close() throws InputException {
        try {
            reader.close();
        } catch (IOException e) {
            throw new InputException(input, lineNumber, 0, "cannot close: " + e.getMessage(), e);
        }
    }
}
