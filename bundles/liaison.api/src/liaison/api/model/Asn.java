package liaison.api.model;

/** An autonomous system number (32 bit, RFC 6793), written {@code AS3333}. */
public record Asn(long number) implements Resource {

    public Asn {
        if (number < 0 || number > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number out of range: " + number);
        }
    }

    /** Reads {@code AS3333}, {@code as3333} or a bare number. */
    public static Asn parse(String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "AS", 0, 2)) {
            s = s.substring(2);
        }
        try {
            return new Asn(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an AS number: '" + text + "'", e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.ASN;
    }

    @Override
    public String text() {
        return "AS" + number;
    }

    @Override
    public String toString() {
        return text();
    }
}
