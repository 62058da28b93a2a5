package liaison.directory.nrtm4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.InputException;

/**
 * JSON text sequences (RFC 7464): each record starts with the record separator (0x1E) and ends with
 * a line feed, as NRTMv4 snapshot and delta files are written. Reading also accepts records without
 * separators (one JSON value after another), as some servers write them.
 */
public final class JsonSeq {

    /** The record separator. */
    public static final char RS = 0x1E;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One record and where it starts.
     *
     * @param node  the record
     * @param index 0-based record number
     * @param line  1-based line where it starts
     */
    public record Record(JsonNode node, int index, long line) {
    }

    private JsonSeq() {
    }

    /** Parses every record; a malformed one is reported with its number and line. */
    public static List<Record> read(String input, byte[] data) throws InputException {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Record> out = new ArrayList<>();
        if (text.indexOf(RS) >= 0) {
            long line = 1;
            int start = 0;
            while (start <= text.length()) {
                int next = text.indexOf(RS, start);
                String segment = text.substring(start, next < 0 ? text.length() : next);
                if (!segment.isBlank()) {
                    out.add(parse(input, segment, out.size(), line));
                }
                line += segment.chars().filter(c -> c == '\n').count();
                if (next < 0) {
                    break;
                }
                start = next + 1;
            }
            return out;
        }
        try (JsonParser p = MAPPER.getFactory().createParser(text);
                MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(p)) {
            while (it.hasNextValue()) {
                long line = p.currentTokenLocation().getLineNr(); // hasNextValue() moved to the record's first token
                out.add(new Record(it.nextValue(), out.size(), line));
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(input, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "record #" + (out.size() + 1) + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(input, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static Record parse(String input, String segment, int index, long line) throws InputException {
        try {
            return new Record(MAPPER.readTree(segment), index, line + leadingNewlines(segment));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(input, l == null ? line : line + l.getLineNr() - 1, l == null ? 0 : l.getColumnNr(),
                    "record #" + (index + 1) + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static long leadingNewlines(String s) {
        long n = 0;
        for (int i = 0; i < s.length() && Character.isWhitespace(s.charAt(i)); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Writes records as a JSON text sequence. */
    public static byte[] write(List<? extends JsonNode> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode r : records) {
            out.write(RS);
            out.writeBytes(r.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }
}
