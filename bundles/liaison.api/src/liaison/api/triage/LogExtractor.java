package liaison.api.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import liaison.api.InputException;

/**
 * Reads one kind of log (syslog, web server access logs, fail2ban, firewall logs, CSV, IntelMQ
 * events — or a team's own format) into {@link Observation}s for {@code liaison triage}. Provided as a
 * DS service; triage offers each input's first lines to every extractor and uses the one that
 * {@link #recognises recognises} them best (ties go to the higher service ranking).
 *
 * <p>Contract: extractors are stateless and thread-safe; {@link #extract} streams (constant memory),
 * reports each event through the consumer as soon as it is read, never drops a line it recognised
 * silently, and throws {@link InputException} with the line number for input it cannot read at all.
 * Lines that are not events (headers, noise) are skipped.
 */
public interface LogExtractor {

    /** Stable id ({@code syslog}, {@code apache}, {@code fail2ban}, ...), usable as {@code --format}. */
    String id();

    /**
     * How well this extractor understands a log whose first lines are these: 0 not at all, 1 certainly.
     * Must be cheap.
     */
    double recognises(List<String> firstLines);

    /**
     * Reads the whole input.
     *
     * @param input       the input's name for provenance and errors
     * @param reader      the text
     * @param assumedZone the zone to assume for times written without one (the observation then says so)
     * @param observer    receives each event in order
     */
    void extract(String input, BufferedReader reader, ZoneId assumedZone, Consumer<Observation> observer)
            throws IOException, InputException;
}
