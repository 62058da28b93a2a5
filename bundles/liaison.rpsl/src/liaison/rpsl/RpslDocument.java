package liaison.rpsl;

import java.util.List;

/**
 * A whole RPSL text as a server answers it: the objects, and the server's {@code %} comment lines
 * kept apart (they carry "% Abuse contact for ... is ...", "% No abuse contact registered ...",
 * "% Information related to ..." and error messages).
 *
 * @param objects        the objects in order
 * @param serverComments the {@code %} lines without the leading {@code %} and one space, in order
 */
public record RpslDocument(List<RpslObject> objects, List<String> serverComments) {

    public RpslDocument {
        objects = List.copyOf(objects);
        serverComments = List.copyOf(serverComments);
    }

    /** The objects of one class, in order. */
    public List<RpslObject> ofType(String type) {
        return objects.stream().filter(o -> o.type().equalsIgnoreCase(type)).toList();
    }
}
