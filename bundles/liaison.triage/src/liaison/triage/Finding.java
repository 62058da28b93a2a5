package liaison.triage;

import java.time.OffsetDateTime;
import java.util.List;

import liaison.api.triage.Indicator;
import liaison.api.triage.Observation;

/**
 * One indicator as triage found it across all inputs, deduplicated: how often, when first and last,
 * and the observations that are its evidence.
 *
 * @param indicator the indicator; its role is {@code SOURCE} if any line named it as a source
 * @param count     how many observations named it
 * @param firstSeen earliest observation time, or null when no line had a time
 * @param lastSeen  latest observation time, or null
 * @param zoneKnown false when any of its times had an assumed zone
 * @param evidence  the first observations naming it (at most {@link Triage#EVIDENCE_PER_FINDING})
 */
public record Finding(Indicator indicator, long count, OffsetDateTime firstSeen, OffsetDateTime lastSeen, boolean zoneKnown,
        List<Observation> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
