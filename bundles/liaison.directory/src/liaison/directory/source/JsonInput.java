package liaison.directory.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.InputException;

/**
 * Reads a JSON list of records (the teams of {@code teams.json}, the {@code data} of a FIRST API
 * page) remembering where each record starts, so that a record with the wrong shape is reported
 * with its line and column.
 */
public final class JsonInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One record of the list.
     *
     * @param node   the record
     * @param index  0-based position in the list
     * @param line   1-based line where it starts
     * @param column 1-based column where it starts
     */
    public record Element(JsonNode node, int index, long line, long column) {
    }

    /**
     * The list and what surrounds it.
     *
     * @param input    the input's name, for messages
     * @param envelope the other members of the top-level object (empty for a top-level array)
     * @param elements the records
     */
    public record Document(String input, ObjectNode envelope, List<Element> elements) {

        /** An error about one record: {@code input:line:col: record #n: problem}. */
        public InputException error(Element e, String what, String problem) {
            return new InputException(input, e.line(), e.column(), what + " #" + (e.index() + 1) + ": " + problem);
        }
    }

    private JsonInput() {
    }

    /**
     * Parses a document whose records are the top-level array ({@code listField} null) or the array
     * in the named member of the top-level object.
     *
     * @throws InputException with line and column for malformed JSON or the wrong shape
     */
    public static Document read(String input, byte[] data, String listField) throws InputException {
        ObjectNode envelope = MAPPER.createObjectNode();
        List<Element> elements = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(data)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InputException(input, 1, 1, "empty input; expected JSON");
            }
            if (listField == null) {
                expect(input, p, first == JsonToken.START_ARRAY, "expected a JSON array of teams");
                readElements(p, elements);
            } else {
                expect(input, p, first == JsonToken.START_OBJECT, "expected a JSON object with '" + listField + "'");
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals(listField)) {
                        expect(input, p, value == JsonToken.START_ARRAY, "'" + listField + "' is not an array");
                        readElements(p, elements);
                        found = true;
                    } else {
                        envelope.set(name, MAPPER.readTree(p));
                    }
                }
                if (!found) {
                    throw new InputException(input, 0, 0, "no '" + listField + "' array in the JSON object");
                }
            }
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(input, l.getLineNr(), l.getColumnNr(), "unexpected content after the JSON document");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(input, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(input, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return new Document(input, envelope, elements);
    }

    private static void readElements(JsonParser p, List<Element> out) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input inside an array");
            }
            JsonLocation l = p.currentTokenLocation();
            JsonNode node = MAPPER.readTree(p);
            out.add(new Element(node, out.size(), l.getLineNr(), l.getColumnNr()));
        }
    }

    private static void expect(String input, JsonParser p, boolean ok, String problem) throws InputException {
        if (!ok) {
            JsonLocation l = p.currentTokenLocation();
            throw new InputException(input, l.getLineNr(), l.getColumnNr(), problem);
        }
    }

    /** A member's text, or null when missing, null or blank. */
    public static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
