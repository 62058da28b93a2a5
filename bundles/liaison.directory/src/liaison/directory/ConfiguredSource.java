package liaison.directory;

import java.time.Instant;

/**
 * A source {@code directory sync} reads: which {@link liaison.api.directory.DirectorySource}, where,
 * with which key.
 *
 * @param id         internal id
 * @param sourceId   the directory source's id ({@code ti}, {@code first}, {@code feed}, {@code nrtm4})
 * @param location   file or URL
 * @param key        PEM public key to verify signatures with, or null
 * @param lastRun    when it was last synced, or null
 * @param lastResult the last run's summary or error, or null
 */
public record ConfiguredSource(long id, String sourceId, String location, String key, Instant lastRun, String lastResult) {
}
