package liaison.triage.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.triage.Indicator;
import liaison.api.triage.Indicator.Role;
import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;
import liaison.isolation.ExtensionFailure;
import liaison.isolation.Extensions;
import liaison.triage.Finding;
import liaison.triage.Triage;

/** Streams each log through the extractor that recognises it best and merges what they find. */
@Component
public class TriageService implements Triage {

    private static final int SAMPLE_LINES = 20;
    /** Below this, no extractor is trusted with a log. */
    private static final double MIN_RECOGNITION = 0.3;
    /** An extractor that neither reads nor reports anything for this long is stuck. */
    static final Duration STALL = Duration.ofSeconds(60);
    /** {@link LogExtractor#recognises} must be cheap. */
    private static final Duration RECOGNITION_TIMEOUT = Duration.ofSeconds(10);

    /** Extractors with their service ranking, highest first (ties in recognition go to it). */
    private final List<Ranked> extractors = new CopyOnWriteArrayList<>();

    private record Ranked(LogExtractor extractor, int ranking) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtractor(LogExtractor extractor, Map<String, Object> properties) {
        Object r = properties.get("service.ranking");
        extractors.add(new Ranked(extractor, r instanceof Integer i ? i : 0));
        extractors.sort(Comparator.comparingInt(Ranked::ranking).reversed());
    }

    void removeExtractor(LogExtractor extractor) {
        extractors.removeIf(r -> r.extractor() == extractor);
    }

    /** The ids of the installed extractors, highest ranking first. */
    public List<String> formats() {
        return extractors.stream().map(r -> r.extractor().id()).toList();
    }

    @Override
    public Result analyse(List<Path> logs, String format, ZoneId assumedZone, Progress progress) throws LiaisonException {
        Map<String, Accumulator> byIndicator = new LinkedHashMap<>();
        List<String> formats = new ArrayList<>();
        long observations = 0;
        long lines = 0;
        for (Path log : logs) {
            LogExtractor extractor = format == null ? recognise(log) : byId(format);
            formats.add(log + "=" + extractor.id());
            long total = size(log);
            AtomicLong seen = new AtomicLong();
            try (CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(log), 1 << 16));
                    LineCountingReader reader = new LineCountingReader(new InputStreamReader(decompress(log, counting), StandardCharsets.UTF_8))) {
                // The extractor — Liaison's or a team's — runs isolated; a log takes as long as it is big, so it
                // is given up only when it stops reading and reporting (a loop on one line), never for its size.
                try {
                    Extensions.callWhileProgressing(extractor, "log format '" + extractor.id() + "'", STALL,
                            () -> counting.count + seen.get(), () -> {
                                try {
                                    extractor.extract(log.toString(), reader, assumedZone, o -> {
                                        long n = seen.incrementAndGet();
                                        for (Indicator i : o.indicators()) {
                                            byIndicator.computeIfAbsent(i.kind() + " " + i.value(), k -> new Accumulator(i)).add(i, o);
                                        }
                                        if (n % 1000 == 0) {
                                            progress.read(log, counting.count, total);
                                        }
                                    });
                                } catch (IOException e) {
                                    throw new InputException(log.toString(), reader.lines + 1, 0, "cannot read: " + e.getMessage(), e);
                                }
                                return null;
                            });
                } catch (ExtensionFailure e) {
                    // A bug or a stall is reported with the format, its bundle and the position, not a stack trace.
                    throw new InputException(log.toString(), reader.lines, 0, e.getMessage(), e);
                }
                progress.read(log, total, total);
                observations += seen.get();
                lines += reader.lines;
            } catch (IOException e) {
                throw new InputException(log.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        List<Finding> findings = byIndicator.values().stream().map(Accumulator::finding)
                .sorted(Comparator.comparing((Finding f) -> f.indicator().role() != Role.SOURCE)
                        .thenComparing(Comparator.comparingLong(Finding::count).reversed()))
                .toList();
        return new Result(findings, formats, observations, lines);
    }

    private LogExtractor byId(String id) throws LiaisonException {
        return extractors.stream().map(Ranked::extractor).filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new LiaisonException("no log format '" + id + "'; known: " + String.join(", ", formats())));
    }

    /** The extractor recognising the log's first lines best; ties go to the higher ranking (list order). */
    private LogExtractor recognise(Path log) throws LiaisonException {
        List<String> sample = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(decompress(log, new BufferedInputStream(Files.newInputStream(log))),
                StandardCharsets.UTF_8))) {
            for (String line; sample.size() < SAMPLE_LINES && (line = r.readLine()) != null;) {
                if (!line.isBlank()) {
                    sample.add(line);
                }
            }
        } catch (IOException e) {
            throw new InputException(log.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        LogExtractor best = null;
        double bestScore = MIN_RECOGNITION;
        List<String> failed = new ArrayList<>();
        for (Ranked r : extractors) {
            LogExtractor e = r.extractor();
            double score;
            try {
                score = Extensions.call(e, "log format '" + e.id() + "' recognising " + log.getFileName(), RECOGNITION_TIMEOUT,
                        () -> e.recognises(sample));
            } catch (LiaisonException broken) {
                // One broken extractor must not keep the others from the log.
                failed.add(broken.getMessage());
                continue;
            }
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new InputException(log.toString(), 1, 0, "unknown log format (known: " + String.join(", ", formats())
                    + "); name one with --format" + (failed.isEmpty() ? "" : "; " + String.join("; ", failed)));
        }
        return best;
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return -1;
        }
    }

    private static InputStream decompress(Path log, InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Counts bytes read from the file (compressed bytes for gzip), for progress. */
    private static final class CountingStream extends FilterInputStream {
        /** Written by the extractor's thread, read by the one watching its progress. */
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Counts the lines extractors read, for the summary and error positions. */
    private static final class LineCountingReader extends BufferedReader {
        /** Read by the caller once the extractor is done (or given up, then only for the message). */
        long lines;

        LineCountingReader(java.io.Reader in) {
            super(in, 1 << 16);
        }

        @Override
        public String readLine() throws IOException {
            String line = super.readLine();
            if (line != null) {
                lines++;
            }
            return line;
        }
    }

    /** Merges observations of one indicator. */
    private static final class Accumulator {
        private Indicator indicator;
        private long count;
        private OffsetDateTime first;
        private OffsetDateTime last;
        private boolean zoneKnown = true;
        private final List<Observation> evidence = new ArrayList<>();

        Accumulator(Indicator indicator) {
            this.indicator = indicator;
        }

        void add(Indicator seen, Observation o) {
            count++;
            if (seen.role() == Role.SOURCE && indicator.role() != Role.SOURCE) {
                indicator = seen;
            }
            if (o.time() != null) {
                first = first == null || o.time().isBefore(first) ? o.time() : first;
                last = last == null || o.time().isAfter(last) ? o.time() : last;
                zoneKnown &= o.zoneKnown();
            }
            if (evidence.size() < EVIDENCE_PER_FINDING) {
                evidence.add(o);
            }
        }

        Finding finding() {
            return new Finding(indicator, count, first, last, zoneKnown, evidence);
        }
    }
}
