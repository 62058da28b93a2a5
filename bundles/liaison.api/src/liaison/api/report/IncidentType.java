package liaison.api.report;

/**
 * An incident class from the ENISA Reference Security Incident Taxonomy (RSIT), as IntelMQ's
 * {@code classification.taxonomy} and {@code classification.type} carry it.
 *
 * @param taxonomy the RSIT class, e.g. {@code intrusion-attempts}
 * @param type     the RSIT type, e.g. {@code brute-force}
 */
public record IncidentType(String taxonomy, String type) {

    public IncidentType {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("an incident type is needed");
        }
    }
}
