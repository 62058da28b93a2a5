package liaison.simnet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.InputException;
import liaison.simnet.ScenarioPack.Recipients.Action;

/**
 * The session log of a simulated Internet ({@code session.jsonl}): one JSON object per event, appended
 * and flushed as events happen, so a trainer can score a session after its server was stopped. The
 * first line records when the session started.
 */
public final class SessionLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private SessionLog(BufferedWriter out) {
        this.out = out;
    }

    /** Starts a new log (replacing an old one) whose first line records the start. */
    public static SessionLog create(Path file, String scenario, Instant started) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        ObjectNode head = JSON.createObjectNode().put("session", scenario).put("started", started.toString());
        w.write(head.toString());
        w.newLine();
        w.flush();
        return new SessionLog(w);
    }

    /** Appends an event and flushes it. */
    public synchronized void append(SimEvent e) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", e.type().name().toLowerCase(java.util.Locale.ROOT)).put("at", e.at().toString()).put("from", e.from())
                .put("to", e.to()).put("subject", e.subject()).put("message_id", e.messageId()).put("in_reply_to", e.inReplyTo());
        o.put("action", e.action() == null ? null : e.action().id()).put("delay", e.delay() == null ? null : e.delay().toString());
        o.put("signed", e.signed()).put("encrypted", e.encrypted()).put("text", e.text());
        out.write(o.toString());
        out.newLine();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * What a session log holds.
     *
     * @param scenario the scenario id
     * @param started  when the session started
     * @param events   the events in order
     */
    public record Session(String scenario, Instant started, List<SimEvent> events) {
        public Session {
            events = List.copyOf(events);
        }
    }

    /** Reads a session log, naming the line of anything unreadable. */
    public static Session read(Path file) throws InputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read the session log: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new InputException(file.toString(), 1, 0, "empty: not a session log");
        }
        String scenario = null;
        Instant started = null;
        List<SimEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode o = JSON.readTree(lines.get(i));
                if (i == 0) {
                    scenario = o.path("session").asText(null);
                    started = Instant.parse(o.path("started").asText());
                    continue;
                }
                events.add(new SimEvent(SimEvent.Type.valueOf(o.path("type").asText().toUpperCase(java.util.Locale.ROOT)),
                        Instant.parse(o.path("at").asText()), text(o, "from"), text(o, "to"), text(o, "subject"),
                        text(o, "message_id"), text(o, "in_reply_to"), o.hasNonNull("action") ? Action.fromId(o.get("action").asText()) : null,
                        o.hasNonNull("delay") ? Duration.parse(o.get("delay").asText()) : null, o.path("signed").asBoolean(),
                        o.path("encrypted").asBoolean(), text(o, "text")));
            } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
                throw new InputException(file.toString(), i + 1, 0, "not a session log line: " + e.getMessage(), e);
            }
        }
        if (scenario == null || started == null) {
            throw new InputException(file.toString(), 1, 0, "the first line does not name the session and its start");
        }
        return new Session(scenario, started, events);
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
