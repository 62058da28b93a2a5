package liaison.report.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.InputException;
import liaison.report.IntelMqEvent;

/** Reads IntelMQ's JSON Lines output: flat harmonised keys, or nested objects flattened with dots. */
final class IntelMqReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntelMqReader() {
    }

    static List<IntelMqEvent> read(String input, InputStream in) throws InputException {
        List<IntelMqEvent> events = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        long lineNo = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                    throw new InputException(input, lineNo, column, "broken JSON: " + e.getOriginalMessage(), e);
                }
                if (node == null || !node.isObject()) {
                    throw new InputException(input, lineNo, 1, "an event must be a JSON object");
                }
                Map<String, String> fields = new LinkedHashMap<>();
                flatten("", node, fields);
                String type = fields.get("classification.type");
                if (type == null || type.isBlank()) {
                    throw new InputException(input, lineNo, 0, "event without classification.type");
                }
                events.add(new IntelMqEvent(input, lineNo, fields));
            }
        } catch (CharacterCodingException e) {
            throw new InputException(input, lineNo + 1, 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(input, lineNo, 0, "cannot read: " + e.getMessage(), e);
        }
        return events;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isNull()) {
            // IntelMQ omits unknown fields; null means the same
        } else if (node.isValueNode()) {
            out.put(prefix, node.asText());
        } else {
            out.put(prefix, node.toString());
        }
    }
}
