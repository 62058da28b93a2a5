package liaison.report.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import liaison.api.report.Evidence;
import liaison.api.report.IncidentType;
import liaison.report.IntelMqEvent;

/** What an IntelMQ event says in the report model: evidence, incident type, and our wording for it. */
final class Incidents {

    private final Properties wording = new Properties();

    Incidents() {
        try (var in = Incidents.class.getResourceAsStream("rsit.properties")) {
            wording.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("rsit.properties missing from the bundle", e);
        }
    }

    static IncidentType type(IntelMqEvent event) {
        return new IncidentType(event.get("classification.taxonomy"), event.get("classification.type"));
    }

    /**
     * The event as evidence: {@code time.source} keeps its offset; a time without one is read as UTC
     * and flagged, so the linter can say the receiver cannot be sure of it. {@code raw} is decoded.
     */
    static Evidence evidence(IntelMqEvent event) {
        OffsetDateTime observed = null;
        boolean zoneKnown = true;
        String time = event.get("time.source");
        if (time != null && !time.isBlank()) {
            try {
                observed = OffsetDateTime.parse(time.strip().replace(' ', 'T'));
            } catch (DateTimeParseException withoutOffset) {
                try {
                    observed = LocalDateTime.parse(time.strip().replace(' ', 'T')).atOffset(ZoneOffset.UTC);
                    zoneKnown = false;
                } catch (DateTimeParseException e) {
                    zoneKnown = false;
                }
            }
        } else {
            zoneKnown = false;
        }
        String raw = event.get("raw");
        String line = null;
        if (raw != null && !raw.isBlank()) {
            try {
                line = new String(Base64.getMimeDecoder().decode(raw.strip()), StandardCharsets.UTF_8).stripTrailing();
            } catch (IllegalArgumentException notBase64) {
                line = raw.stripTrailing(); // some feeds put the line in as it is
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>(event.fields());
        attributes.remove("raw");
        return new Evidence(observed, zoneKnown, line, attributes);
    }

    String description(IncidentType type) {
        return wording.getProperty(type.type() + ".description",
                "An incident of type " + type.type() + " involving a resource in your network.");
    }

    String requestedAction(IncidentType type) {
        String byTaxonomy = type.taxonomy() == null ? null : wording.getProperty(type.taxonomy() + ".action");
        return byTaxonomy != null ? byTaxonomy : wording.getProperty("default.action");
    }
}
