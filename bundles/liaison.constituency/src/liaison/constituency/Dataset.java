package liaison.constituency;

import java.time.Instant;
import java.util.List;

/**
 * One loaded input: the unit a reload replaces.
 *
 * @param name     dataset name: the file name without {@code .gz}, or the team provider's id
 * @param kind     {@code rpsl}, {@code delegated} or {@code teams}
 * @param location the file (or provider) it was read from
 * @param imported when it was loaded
 * @param objects  objects or records read
 * @param ranges   of those, the claims on address or ASN ranges
 * @param sources  the RPSL {@code source:} values seen (RIPE, TEST), the registries of statistics
 */
public record Dataset(String name, String kind, String location, Instant imported, long objects, long ranges,
        List<String> sources) {

    public Dataset {
        sources = List.copyOf(sources);
    }
}
