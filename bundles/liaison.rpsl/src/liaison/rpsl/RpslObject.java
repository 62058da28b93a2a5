package liaison.rpsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An RPSL object (RFC 2622) as registries serve it: attributes in their original order. The first
 * attribute names the object's class and holds its primary key.
 */
public final class RpslObject {

    private final List<RpslAttribute> attributes;
    private final int line;

    /**
     * @param attributes at least one attribute; the first gives the type
     * @param line       1-based line where the object starts in its input, 0 when built in code
     */
    public RpslObject(List<RpslAttribute> attributes, int line) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("an RPSL object needs at least one attribute");
        }
        this.attributes = List.copyOf(attributes);
        this.line = line;
    }

    /** Reads exactly one object from text (handy in tests and for served answers). */
    public static RpslObject parse(String text) throws liaison.api.InputException {
        List<RpslObject> objects = RpslParser.parse("text", text).objects();
        if (objects.size() != 1) {
            throw new liaison.api.InputException("text", 0, 0, "expected one RPSL object, found " + objects.size());
        }
        return objects.get(0);
    }

    /** Object class, e.g. {@code inetnum}, {@code irt}, {@code role}. */
    public String type() {
        return attributes.get(0).name();
    }

    /**
     * The primary key as registries write it in the first attribute ({@code 193.0.0.0 - 193.0.7.255},
     * {@code IRT-EXAMPLE}). Route objects are keyed by prefix and origin together: use
     * {@link #get(String)} for {@code origin}.
     */
    public String key() {
        return attributes.get(0).cleanValue();
    }

    public List<RpslAttribute> attributes() {
        return attributes;
    }

    /** 1-based line of the object's first attribute in its input, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The first value of the attribute (one line), if present. */
    public Optional<String> get(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (RpslAttribute a : attributes) {
            if (a.name().equals(n)) {
                return Optional.of(a.cleanValue());
            }
        }
        return Optional.empty();
    }

    /** Every value of the attribute, in order (one line each). */
    public List<String> getAll(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (RpslAttribute a : attributes) {
            if (a.name().equals(n)) {
                out.add(a.cleanValue());
            }
        }
        return out;
    }

    /**
     * Every value of a list-valued attribute split at commas ({@code mnt-irt: IRT-A, IRT-B}), in order.
     */
    public List<String> getList(String name) {
        List<String> out = new ArrayList<>();
        for (String v : getAll(name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    /** The object in RPSL text form, values aligned at column 17 as RIPE prints them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (RpslAttribute a : attributes) {
            String[] lines = a.value().split("\n", -1);
            String head = a.name() + ":";
            sb.append(head).append(" ".repeat(Math.max(1, 16 - head.length()))).append(lines[0]);
            if (a.comment() != null && lines.length == 1) {
                sb.append(" # ").append(a.comment());
            }
            sb.append('\n');
            for (int i = 1; i < lines.length; i++) {
                sb.append(lines[i].isEmpty() ? "+" : " ".repeat(16) + lines[i]).append('\n');
            }
        }
        return sb.toString();
    }

    /** Objects are equal when they have the same attributes in the same order, wherever they were read. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RpslObject other) || other.attributes.size() != attributes.size()) {
            return false;
        }
        for (int i = 0; i < attributes.size(); i++) {
            RpslAttribute a = attributes.get(i);
            RpslAttribute b = other.attributes.get(i);
            if (!a.name().equals(b.name()) || !a.value().equals(b.value())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (RpslAttribute a : attributes) {
            h = 31 * h + a.name().hashCode() * 17 + a.value().hashCode();
        }
        return h;
    }
}
