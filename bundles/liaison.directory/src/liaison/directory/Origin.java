package liaison.directory;

import java.time.Instant;

/**
 * Where a value of a directory team came from.
 *
 * @param source     the snapshot's source id ({@code ti}, {@code first}, {@code feed:CERT-EE}), or
 *                   {@value #OVERRIDE} for a coordinator's value
 * @param location   the file or URL it was read from; null for an override
 * @param importedAt when this value was first read from there (or the override was set)
 */
public record Origin(String source, String location, Instant importedAt) {

    /** The source id of coordinators' overrides. */
    public static final String OVERRIDE = "override";

    public boolean isOverride() {
        return OVERRIDE.equals(source);
    }
}
