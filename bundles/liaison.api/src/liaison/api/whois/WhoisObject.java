package liaison.api.whois;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One object of a whois answer in RPSL form: attributes in order, the first naming the object's class
 * and key ({@code inetnum: 192.0.2.0 - 192.0.2.255}, {@code role: Example Abuse Team}).
 *
 * @param attributes at least one; names are RPSL attribute names (letters, digits, {@code -},
 *                   {@code _}; stored in lower case), values are single lines
 */
public record WhoisObject(List<Attribute> attributes) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** One {@code name: value} line. */
    public record Attribute(String name, String value) {

        public Attribute {
            name = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an RPSL attribute name: '" + name + "'");
            }
            value = value == null ? "" : value.strip();
            if (value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("attribute " + name + ": a value is one line");
            }
        }
    }

    public WhoisObject {
        attributes = List.copyOf(attributes);
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("a whois object has at least its class attribute");
        }
    }

    /**
     * An object from alternating names and values: {@code of("inetnum", "192.0.2.0 - 192.0.2.255",
     * "netname", "EXAMPLE-NET", "abuse-c", "EA1-TEST")}.
     */
    public static WhoisObject of(String... namesAndValues) {
        if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Attribute[] a = new Attribute[namesAndValues.length / 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = new Attribute(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return new WhoisObject(List.of(a));
    }

    /** The object's class: the first attribute's name. */
    public String objectClass() {
        return attributes.get(0).name();
    }

    /** The object's key: the first attribute's value. */
    public String key() {
        return attributes.get(0).value();
    }

    /** The first value of an attribute. */
    public Optional<String> get(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst();
    }
}
