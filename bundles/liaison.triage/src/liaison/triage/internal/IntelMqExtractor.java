package liaison.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.InputException;
import liaison.api.triage.Indicator;
import liaison.api.triage.Indicator.Kind;
import liaison.api.triage.Indicator.Role;
import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;

/**
 * IntelMQ events as JSON Lines (the harmonised format: {@code source.ip}, {@code source.fqdn},
 * {@code source.url}, {@code destination.ip}, {@code time.source}, ...), so Liaison can sit behind an
 * IntelMQ pipeline.
 */
@Component(service = LogExtractor.class)
public class IntelMqExtractor implements LogExtractor {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return "intelmq";
    }

    @Override
    public double recognises(List<String> firstLines) {
        long nonBlank = firstLines.stream().filter(l -> !l.isBlank()).count();
        long events = firstLines.stream().filter(l -> l.strip().startsWith("{") && (l.contains("\"source.ip\"")
                || l.contains("\"source.fqdn\"") || l.contains("\"source.url\"") || l.contains("\"classification.type\""))).count();
        return nonBlank == 0 ? 0 : (double) events / nonBlank;
    }

    @Override
    public void extract(String input, BufferedReader reader, ZoneId assumedZone, Consumer<Observation> observer)
            throws IOException, InputException {
        long n = 0;
        for (String line; (line = reader.readLine()) != null;) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode event;
            try {
                event = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new InputException(input, n, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                        "not a JSON event: " + e.getOriginalMessage());
            }
            if (!event.isObject()) {
                throw new InputException(input, n, 1, "an IntelMQ event must be a JSON object");
            }
            List<Indicator> indicators = new ArrayList<>();
            add(indicators, Kind.IP, Indicators.address(text(event, "source.ip")), Role.SOURCE);
            add(indicators, Kind.DOMAIN, text(event, "source.fqdn"), Role.SOURCE);
            add(indicators, Kind.URL, text(event, "source.url"), Role.SOURCE);
            add(indicators, Kind.IP, Indicators.address(text(event, "destination.ip")), Role.DESTINATION);
            add(indicators, Kind.DOMAIN, text(event, "destination.fqdn"), Role.DESTINATION);
            Times.Stamp stamp = text(event, "time.source") == null ? null : Times.iso(text(event, "time.source"), assumedZone);
            observer.accept(new Observation(input, n, line, stamp == null ? null : stamp.time(), stamp != null && stamp.zoneKnown(),
                    id(), indicators));
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode v = event.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static void add(List<Indicator> to, Kind kind, String value, Role role) {
        if (value != null) {
            to.add(new Indicator(kind, kind == Kind.DOMAIN ? value.toLowerCase(java.util.Locale.ROOT) : value, role));
        }
    }
}
