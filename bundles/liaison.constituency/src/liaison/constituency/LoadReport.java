package liaison.constituency;

import java.time.Duration;
import java.util.List;

/**
 * What a load did.
 *
 * @param loaded   the datasets written by this load
 * @param datasets every dataset of the index after the load
 * @param ranges   address and ASN ranges in the new index
 * @param took     wall time of the whole load, index build included
 */
public record LoadReport(List<Dataset> loaded, List<Dataset> datasets, long ranges, Duration took) {

    public LoadReport {
        loaded = List.copyOf(loaded);
        datasets = List.copyOf(datasets);
    }
}
