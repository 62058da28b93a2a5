package liaison.rpsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The template of an RPSL object class: which attributes it may have, whether each is mandatory,
 * whether it may repeat, and what kind of key it is. {@link #check(RpslObject)} lists what an object
 * does wrong against it.
 */
public final class RpslTemplate {

    public enum Requirement { MANDATORY, OPTIONAL }

    public enum Cardinality { SINGLE, MULTIPLE }

    /** Key kinds as the RIPE database documents them. */
    public enum KeyKind { NONE, PRIMARY, LOOKUP, INVERSE, PRIMARY_LOOKUP }

    /** One attribute of a template. */
    public record AttributeSpec(String name, Requirement requirement, Cardinality cardinality, KeyKind key) {
    }

    private final String type;
    private final Map<String, AttributeSpec> attributes;

    RpslTemplate(String type, List<AttributeSpec> specs) {
        this.type = type;
        Map<String, AttributeSpec> m = new LinkedHashMap<>();
        specs.forEach(s -> m.put(s.name(), s));
        this.attributes = java.util.Collections.unmodifiableMap(m);
    }

    public String type() {
        return type;
    }

    /** The attributes in template order. */
    public List<AttributeSpec> attributes() {
        return List.copyOf(attributes.values());
    }

    public Optional<AttributeSpec> attribute(String name) {
        return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * What is wrong with the object against this template, one message per problem naming the object,
     * the attribute and its line: unknown attributes, a single attribute given twice, a mandatory one
     * missing. Empty when the object conforms.
     */
    public List<String> check(RpslObject object) {
        List<String> problems = new ArrayList<>();
        String where = type + " '" + object.key() + "'";
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RpslAttribute a : object.attributes()) {
            AttributeSpec spec = attributes.get(a.name());
            if (spec == null) {
                problems.add(where + ": unknown attribute '" + a.name() + "'" + at(a.line()));
                continue;
            }
            int count = seen.merge(a.name(), 1, Integer::sum);
            if (count == 2 && spec.cardinality() == Cardinality.SINGLE) {
                problems.add(where + ": attribute '" + a.name() + "' may appear only once" + at(a.line()));
            }
        }
        for (AttributeSpec spec : attributes.values()) {
            if (spec.requirement() == Requirement.MANDATORY && !seen.containsKey(spec.name())) {
                problems.add(where + ": mandatory attribute '" + spec.name() + "' is missing" + at(object.line()));
            }
        }
        return problems;
    }

    private static String at(int line) {
        return line > 0 ? " (line " + line + ")" : "";
    }
}
