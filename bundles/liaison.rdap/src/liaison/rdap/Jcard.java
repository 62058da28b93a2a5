package liaison.rdap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a jCard (RFC 7095, as RDAP carries contacts) Liaison uses: the formatted name, the
 * kind, the organisation, e-mail addresses and phone numbers with their {@code type} parameters.
 *
 * @param fn     formatted name, or null
 * @param kind   {@code individual}, {@code org}, {@code group}, or null
 * @param org    organisation name, or null
 * @param emails addresses in order
 * @param phones phone numbers in order
 */
public record Jcard(String fn, String kind, String org, List<Value> emails, List<Value> phones) {

    /**
     * A value with its {@code type} parameters ({@code work}, {@code voice}, {@code abuse}, ...) and its
     * {@code pref} parameter (1 is most preferred; 0 when absent).
     */
    public record Value(String value, List<String> types, int pref) {
        public Value {
            types = List.copyOf(types);
        }
    }

    public Jcard {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }

    /**
     * Reads a {@code vcardArray}: {@code ["vcard", [[name, params, type, value...], ...]]}.
     *
     * @throws IllegalArgumentException describing what is malformed
     */
    public static Jcard parse(JsonNode array) {
        if (array == null || !array.isArray() || array.size() != 2 || !"vcard".equals(array.get(0).asText(null))) {
            throw new IllegalArgumentException("a vcardArray must be [\"vcard\", [properties]]");
        }
        JsonNode properties = array.get(1);
        if (!properties.isArray()) {
            throw new IllegalArgumentException("the vCard properties are not an array");
        }
        String fn = null;
        String kind = null;
        String org = null;
        List<Value> emails = new ArrayList<>();
        List<Value> phones = new ArrayList<>();
        for (JsonNode p : properties) {
            if (!p.isArray() || p.size() < 4) {
                throw new IllegalArgumentException("a vCard property must be [name, parameters, type, value]");
            }
            if (!p.get(0).isTextual() || !p.get(1).isObject() || !p.get(2).isTextual()) {
                throw new IllegalArgumentException("a vCard property needs a name, a parameter object and a value type");
            }
            for (int i = 3; i < p.size(); i++) {
                checkDepth(p.get(i));
            }
            String name = p.get(0).asText().toLowerCase(Locale.ROOT);
            JsonNode value = p.get(3);
            if (value.isArray() && name.equals("fn")) {
                throw new IllegalArgumentException("fn must have a single value");
            }
            String text = value.isArray() || value.isObject() ? null : value.isNull() ? null : value.asText();
            switch (name) {
                case "fn" -> fn = text;
                case "kind" -> kind = text == null ? null : text.toLowerCase(Locale.ROOT);
                case "org" -> org = value.isArray() && !value.isEmpty() ? value.get(0).asText() : text;
                case "email" -> {
                    if (text != null && !text.isBlank()) {
                        emails.add(new Value(text.strip(), types(p.get(1)), pref(p.get(1))));
                    }
                }
                case "tel" -> {
                    if (text != null && !text.isBlank()) {
                        phones.add(new Value(text.strip().replaceFirst("^tel:", ""), types(p.get(1)), pref(p.get(1))));
                    }
                }
                default -> {
                    // adr, version, lang, ...: not needed
                }
            }
        }
        return new Jcard(fn, kind, org, emails, phones);
    }

    /** A value is a scalar or a list whose items are scalars or lists of scalars (RFC 7095 structured values). */
    private static void checkDepth(JsonNode value) {
        if (value.isObject()) {
            throw new IllegalArgumentException("a vCard value is not an object");
        }
        if (!value.isArray()) {
            return;
        }
        for (JsonNode item : value) {
            if (item.isObject()) {
                throw new IllegalArgumentException("a vCard value is not an object");
            }
            if (item.isArray()) {
                for (JsonNode inner : item) {
                    if (inner.isContainerNode()) {
                        throw new IllegalArgumentException("a vCard value is nested too deep");
                    }
                }
            }
        }
    }

    private static int pref(JsonNode params) {
        JsonNode pref = params.get("pref");
        return pref == null ? 0 : pref.asInt(0);
    }

    private static List<String> types(JsonNode params) {
        JsonNode type = params.get("type");
        List<String> out = new ArrayList<>();
        if (type == null) {
            return out;
        }
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText().toLowerCase(Locale.ROOT)));
        } else {
            out.add(type.asText().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
