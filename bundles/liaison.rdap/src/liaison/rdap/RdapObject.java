package liaison.rdap;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;

/**
 * An RDAP object (ip network, autnum, domain, entity) with what Liaison needs from it.
 *
 * @param objectClassName {@code ip network}, {@code autnum}, {@code domain}, {@code entity}
 * @param handle          the registry's handle, or null
 * @param name            the name, or null
 * @param type            the network's type ({@code ASSIGNED PA}, {@code DIRECT ALLOCATION}), or null
 * @param country         country code, or null
 * @param range           addresses covered by an ip network, or null
 * @param asFirst         first AS number of an autnum, or null
 * @param asLast          last AS number of an autnum, or null
 * @param ldhName         a domain's name, or null
 * @param port43          the registry's whois server, or null
 * @param entities        the entities of the object
 * @param vcard           an entity object's own card, or null
 * @param notices         notices (terms of use, filtering, ...)
 * @param remarks         remarks of the object
 * @param lastChanged     the {@code last changed} event, or null
 * @param warnings        parts that were malformed and skipped
 */
public record RdapObject(String objectClassName, String handle, String name, String type, String country, IpRange range,
        Long asFirst, Long asLast, String ldhName, String port43, List<RdapEntity> entities, Jcard vcard,
        List<RdapNotice> notices, List<RdapNotice> remarks, Instant lastChanged, List<String> warnings) {

    public RdapObject {
        entities = List.copyOf(entities);
        notices = List.copyOf(notices);
        remarks = List.copyOf(remarks);
        warnings = List.copyOf(warnings);
    }

    /** The key shown to people: the range, {@code AS3333}, the domain name or the handle. */
    public String key() {
        if (range != null) {
            return range.text();
        }
        if (asFirst != null) {
            return asLast == null || asLast.equals(asFirst) ? "AS" + asFirst : "AS" + asFirst + " - AS" + asLast;
        }
        return ldhName != null ? ldhName : handle;
    }

    /** Size of the covered range, used to compare specificity. */
    public BigInteger size() {
        if (range != null) {
            return range.size();
        }
        if (asFirst != null && asLast != null) {
            return BigInteger.valueOf(asLast - asFirst + 1);
        }
        return BigInteger.ONE;
    }

    /**
     * Reads an RDAP response body.
     *
     * @param input the URL it came from, for messages
     * @throws InputException when the body is not JSON, not an object, or a required member has the wrong type
     */
    public static RdapObject parse(String input, String body) throws InputException {
        JsonNode json = RdapClient.readJson(input, body);
        if (!json.isObject()) {
            throw new InputException(input, 0, 0, "an RDAP answer must be a JSON object");
        }
        List<String> warnings = new ArrayList<>();
        String cls = text(json, "objectClassName");
        IpRange range = null;
        if (json.has("startAddress") && json.has("endAddress")) {
            range = range(text(json, "startAddress"), text(json, "endAddress"), warnings);
        }
        Long asFirst = json.has("startAutnum") ? Long.valueOf(json.get("startAutnum").asLong()) : null;
        Long asLast = json.has("endAutnum") ? Long.valueOf(json.get("endAutnum").asLong()) : asFirst;
        Jcard card = null;
        if (json.has("vcardArray")) {
            card = card(json.get("vcardArray"), text(json, "handle"), warnings);
        }
        return new RdapObject(cls, text(json, "handle"), text(json, "name"), text(json, "type"),
                upper(text(json, "country")), range, asFirst, asLast, lower(text(json, "ldhName")), text(json, "port43"),
                entities(json.get("entities"), warnings, 0), card, notices(json.get("notices")), notices(json.get("remarks")),
                lastChanged(json.get("events")), warnings);
    }

    private static final int MAX_DEPTH = 6;

    private static List<RdapEntity> entities(JsonNode array, List<String> warnings, int depth) {
        List<RdapEntity> out = new ArrayList<>();
        if (array == null || !array.isArray() || depth > MAX_DEPTH) {
            return out;
        }
        for (JsonNode e : array) {
            if (!e.isObject()) {
                warnings.add("an entity that is not an object was skipped");
                continue;
            }
            List<String> roles = new ArrayList<>();
            if (e.path("roles").isArray()) {
                e.get("roles").forEach(r -> roles.add(r.asText().toLowerCase(Locale.ROOT)));
            }
            String handle = text(e, "handle");
            Jcard card = e.has("vcardArray") ? card(e.get("vcardArray"), handle, warnings) : null;
            out.add(new RdapEntity(handle, roles, card, entities(e.get("entities"), warnings, depth + 1),
                    notices(e.get("remarks")), lastChanged(e.get("events"))));
        }
        return out;
    }

    private static Jcard card(JsonNode vcard, String handle, List<String> warnings) {
        try {
            return Jcard.parse(vcard);
        } catch (IllegalArgumentException ex) {
            warnings.add("the vCard of " + (handle == null ? "an entity" : handle) + " is malformed and was skipped: " + ex.getMessage());
            return null;
        }
    }

    private static List<RdapNotice> notices(JsonNode array) {
        List<RdapNotice> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode n : array) {
            List<String> lines = new ArrayList<>();
            if (n.path("description").isArray()) {
                n.get("description").forEach(d -> lines.add(d.asText()));
            }
            out.add(new RdapNotice(text(n, "title"), lines));
        }
        return out;
    }

    private static Instant lastChanged(JsonNode events) {
        if (events == null || !events.isArray()) {
            return null;
        }
        for (JsonNode e : events) {
            if ("last changed".equalsIgnoreCase(text(e, "eventAction"))) {
                try {
                    return OffsetDateTime.parse(text(e, "eventDate")).toInstant();
                } catch (DateTimeParseException | NullPointerException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Some servers write {@code 62.239.237.0/32} for an address; the prefix length is dropped. */
    private static IpRange range(String start, String end, List<String> warnings) {
        try {
            return new IpRange(IpAddress.parse(strip(start)), IpAddress.parse(strip(end)));
        } catch (IllegalArgumentException | NullPointerException e) {
            warnings.add("unreadable address range " + start + " - " + end);
            return null;
        }
    }

    private static String strip(String address) {
        int slash = address.indexOf('/');
        return slash > 0 ? address.substring(0, slash) : address;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
