package liaison.directory.nrtm4.internal;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.directory.nrtm4.Nrtm4Client;

/**
 * Keeps the RPSL objects of the given classes in an NRTMv4 mirror, keyed {@code class:PRIMARY-KEY}
 * as NRTMv4 deletes name them. The classes kept (irt, key-cert) have their primary key in the first
 * attribute; objects of other classes are skipped without being parsed.
 */
final class RpslObjectKeys implements Nrtm4Client.ObjectKeys {

    private final Set<String> classes;

    /** @param classes the object classes to keep, lower case */
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
        int end = text.indexOf('\n', colon);
        String primary = text.substring(colon + 1, end < 0 ? text.length() : end);
        int comment = primary.indexOf('#');
        return key(text.substring(0, colon), comment < 0 ? primary : primary.substring(0, comment));
    }

    @Override
    public String keyOf(String objectClass, String primaryKey) {
        return kept(objectClass) ? key(objectClass, primaryKey) : null;
    }

    private boolean kept(String objectClass) {
        return classes.contains(objectClass.strip().toLowerCase(Locale.ROOT));
    }

    /** Class and key compared case-insensitively. */
    private static String key(String objectClass, String primaryKey) {
        return objectClass.strip().toLowerCase(Locale.ROOT) + ":" + primaryKey.strip().toUpperCase(Locale.ROOT);
    }
}
