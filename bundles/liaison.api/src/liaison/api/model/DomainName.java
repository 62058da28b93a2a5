package liaison.api.model;

import java.util.regex.Pattern;

/** A DNS name in lower-case ASCII form (internationalised names are converted to punycode). */
public record DomainName(String name) implements Resource {

    /** LDH labels (underscores allowed for service names); the last label starts with a letter, so 1.2.3.4.5 is no name. */
    private static final Pattern LABELS = Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public DomainName {
        if (name == null || name.length() > 253 || !LABELS.matcher(name).matches()) {
            throw new IllegalArgumentException("not a domain name: '" + name + "'");
        }
    }

    /** Normalises case, a trailing dot and IDN before validating. */
    public static DomainName of(String text) {
        String s = text.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return new DomainName(Resource.asciiLower(s));
    }

    /** The registrable parent names, nearest first: {@code a.b.example.org → b.example.org, example.org, org}. */
    public java.util.List<String> parents() {
        java.util.List<String> out = new java.util.ArrayList<>();
        int dot = name.indexOf('.');
        while (dot >= 0) {
            out.add(name.substring(dot + 1));
            dot = name.indexOf('.', dot + 1);
        }
        return out;
    }

    @Override
    public Kind kind() {
        return Kind.DOMAIN;
    }

    @Override
    public String text() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
