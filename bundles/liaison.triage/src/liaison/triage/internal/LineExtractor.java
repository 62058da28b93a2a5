package liaison.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;

/** A log format read line by line: one line, at most one event. */
abstract class LineExtractor implements LogExtractor {

    /** The event in one line, or null when the line is none (noise, a header). */
    abstract Observation parse(String input, long lineNumber, String line, ZoneId assumedZone);

    /** A line of this format, for {@link #recognises}. */
    abstract Pattern shape();

    @Override
    public double recognises(List<String> firstLines) {
        long nonBlank = firstLines.stream().filter(l -> !l.isBlank()).count();
        if (nonBlank == 0) {
            return 0;
        }
        return (double) firstLines.stream().filter(l -> shape().matcher(l).find()).count() / nonBlank;
    }

    @Override
    public void extract(String input, BufferedReader reader, ZoneId assumedZone, Consumer<Observation> observer) throws IOException {
        long n = 0;
        for (String line; (line = reader.readLine()) != null;) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Observation o = parse(input, n, line, assumedZone);
            if (o != null) {
                observer.accept(o);
            }
        }
    }
}
