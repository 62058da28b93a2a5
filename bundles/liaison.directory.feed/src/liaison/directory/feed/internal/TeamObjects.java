package liaison.directory.feed.internal;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.directory.nrtm4.Nrtm4Client;

/** A feed's objects are teams in Liaison's JSON form, keyed {@code team:ID} by the publisher's id. */
final class TeamObjects implements Nrtm4Client.ObjectKeys {

    /** The NRTMv4 object class of a team. */
    static final String CLASS = "team";

    @Override
    public String keyOf(JsonNode object) {
        if (!object.isObject() || !object.path("source_key").isTextual()) {
            throw new IllegalArgumentException("a feed object must be a team with a source_key");
        }
        return key(object.path("source_key").asText());
    }

    @Override
    public String keyOf(String objectClass, String primaryKey) {
        return CLASS.equals(objectClass) ? key(primaryKey) : null;
    }

    static String key(String sourceKey) {
        return CLASS + ":" + sourceKey;
    }
}
