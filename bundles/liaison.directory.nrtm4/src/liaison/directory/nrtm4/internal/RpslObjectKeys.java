package liaison.directory.nrtm4.internal;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.directory.nrtm4.Nrtm4Client;
import liaison.rpsl.RpslObject;

/**
 * Keys RPSL objects of an NRTMv4 mirror as {@code class:primary key}, the way NRTMv4 deletes name
 * them: route objects by prefix and origin, persons and roles by nic-hdl, others by their first
 * attribute. Only the classes asked for are kept (all when none are named); others are skipped
 * without being parsed.
 */
final class RpslObjectKeys implements Nrtm4Client.ObjectKeys {

    private final Set<String> classes;

    /** @param classes the object classes to keep, lower case; empty keeps every class */
    RpslObjectKeys(Set<String> classes) {
        this.classes = Set.copyOf(classes);
    }

    @Override
    public String keyOf(JsonNode object) {
        if (!object.isTextual()) {
            throw new IllegalArgumentException("'object' is not RPSL text");
        }
        String text = object.asText();
        int colon = text.indexOf(':');
        if (colon <= 0 || !kept(text.substring(0, colon))) {
            return null;
        }
        RpslObject o;
        try {
            o = RpslObject.parse(text);
        } catch (InputException e) {
            throw new IllegalArgumentException("malformed RPSL object: " + e.getMessage(), e);
        }
        String primary = switch (o.type()) {
            case "route", "route6" -> o.key() + o.get("origin").orElse("");
            case "person", "role" -> o.get("nic-hdl").orElse(o.key());
            default -> o.key();
        };
        return key(o.type(), primary);
    }

    @Override
    public String keyOf(String objectClass, String primaryKey) {
        return kept(objectClass) ? key(objectClass, primaryKey) : null;
    }

    private boolean kept(String objectClass) {
        return classes.isEmpty() || classes.contains(objectClass.strip().toLowerCase(Locale.ROOT));
    }

    /** Class and key compared case-insensitively, inner spaces normalised ({@code 10.0.0.0 - 10.0.0.255}). */
    private static String key(String objectClass, String primaryKey) {
        return objectClass.strip().toLowerCase(Locale.ROOT) + ":"
                + primaryKey.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
