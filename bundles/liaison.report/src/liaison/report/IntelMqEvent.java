package liaison.report;

import java.util.Map;

/**
 * One IntelMQ harmonised event as read from a JSON Lines file: its fields by harmonised name
 * ({@code source.ip}, {@code classification.type}, {@code extra.foo}; nested objects flattened with
 * dots), every value as text.
 *
 * @param input  the file or stream the event came from
 * @param line   its 1-based line
 * @param fields the event's fields
 */
public record IntelMqEvent(String input, long line, Map<String, String> fields) {

    public IntelMqEvent {
        fields = Map.copyOf(fields);
    }

    /** The field's value, or null. */
    public String get(String name) {
        return fields.get(name);
    }

    /** Where the event came from, as {@code file:line}. */
    public String where() {
        return input + ":" + line;
    }
}
