package liaison.triage;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import liaison.api.LiaisonException;

/**
 * Reads logs of the formats the installed {@link liaison.api.triage.LogExtractor}s know, and turns them
 * into deduplicated findings: which addresses, names, URLs and mail addresses they name, how often and
 * when. The CLI's {@code liaison triage} and the drill are views of this service.
 */
public interface Triage {

    /** How many observations a finding keeps as evidence. */
    int EVIDENCE_PER_FINDING = 20;

    /** Reports progress over long inputs; implementations must be cheap. */
    @FunctionalInterface
    interface Progress {
        void read(Path input, long bytesRead, long bytesTotal);
    }

    /**
     * @param logs        log files (plain or gzip)
     * @param format      an extractor id to force, or null to recognise each input's format
     * @param assumedZone the zone of times logged without one
     * @return findings, sources first, then by count
     * @throws LiaisonException naming the input (and line) that cannot be read or whose format is unknown
     */
    Result analyse(List<Path> logs, String format, ZoneId assumedZone, Progress progress) throws LiaisonException;

    /**
     * What triage found.
     *
     * @param findings     deduplicated indicators
     * @param formats      the format used per input, in input order ({@code path=format})
     * @param observations events read
     * @param lines        lines read (events and noise)
     */
    record Result(List<Finding> findings, List<String> formats, long observations, long lines) {
        public Result {
            findings = List.copyOf(findings);
            formats = List.copyOf(formats);
        }
    }
}
