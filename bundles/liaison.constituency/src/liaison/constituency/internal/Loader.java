package liaison.constituency.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.TeamConstituencies;
import liaison.api.model.Asn;
import liaison.api.model.IpRange;
import liaison.api.model.Team;
import liaison.constituency.Dataset;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.LoadReport;

/**
 * Writes datasets and publishes a new index generation atomically: new files get a new generation
 * number, {@code CURRENT} is replaced by an atomic rename only after everything is on disk, and a
 * failure deletes what this load wrote — the previous generation keeps answering throughout.
 */
final class Loader {

    private static final Pattern GENERATION = Pattern.compile(".*\\.(\\d{6})\\.(idx|obj|rec)(\\.tmp)?");
    private static final long PROGRESS_STEP = 8 << 20;

    /** What one load reads: a file, or the teams of a provider. */
    sealed interface Input permits FileInput, TeamInput {
        String name();
    }

    record FileInput(Path file) implements Input {
        @Override
        public String name() {
            String n = file.getFileName().toString();
            return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        }
    }

    record TeamInput(TeamConstituencies teams) implements Input {
        @Override
        public String name() {
            return teams.id();
        }
    }

    private Loader() {
    }

    static LoadReport load(Path dir, List<Input> inputs, LoadOptions options, LoadProgress progress) throws LiaisonException {
        Instant started = Instant.now();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LiaisonException("cannot create the index directory " + dir + ": " + e.getMessage(), e);
        }
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(IndexFormat.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            List<DatasetEntry> previous = Snapshot.open(dir).datasets;
            long generation = nextGeneration(dir);
            List<Path> written = new ArrayList<>();
            try {
                List<DatasetEntry> loaded = new ArrayList<>();
                Set<String> names = new HashSet<>();
                for (Input input : inputs) {
                    if (!names.add(input.name())) {
                        throw new LiaisonException("two inputs have the dataset name '" + input.name() + "'; rename one");
                    }
                    String base = input.name().replaceAll("[^A-Za-z0-9._-]", "_") + String.format(".%06d", generation);
                    written.add(IndexFormat.objectFile(dir, base));
                    written.add(IndexFormat.recordFile(dir, base));
                    loaded.add(write(dir, base, input, options, progress));
                }
                List<DatasetEntry> merged = new ArrayList<>();
                previous.stream().filter(d -> !names.contains(d.dataset().name())).forEach(merged::add);
                merged.addAll(loaded);
                Path index = IndexFormat.indexFile(dir, generation);
                Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
                written.add(tmp);
                written.add(index);
                progress.worked("index", 0, -1);
                long ranges = new IndexBuilder().build(dir, merged, tmp);
                Files.move(tmp, index, StandardCopyOption.ATOMIC_MOVE);
                Path current = dir.resolve(IndexFormat.CURRENT + ".tmp");
                written.add(current);
                Files.writeString(current, index.getFileName().toString() + "\n", StandardCharsets.US_ASCII);
                try (FileChannel c = FileChannel.open(current, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                Files.move(current, dir.resolve(IndexFormat.CURRENT), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                written.clear();
                removeUnreferenced(dir, merged, index);
                return new LoadReport(loaded.stream().map(DatasetEntry::dataset).toList(),
                        merged.stream().map(DatasetEntry::dataset).toList(), ranges, Duration.between(started, Instant.now()));
            } finally {
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new LiaisonException("cannot load into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static DatasetEntry write(Path dir, String base, Input input, LoadOptions options, LoadProgress progress)
            throws IOException, LiaisonException {
        Instant imported = Instant.now();
        try (DatasetWriter out = new DatasetWriter(IndexFormat.objectFile(dir, base), IndexFormat.recordFile(dir, base))) {
            String kind;
            String location;
            if (input instanceof FileInput f) {
                location = f.file().toAbsolutePath().toString();
                kind = readFile(f.file(), input.name(), out, options, progress);
            } else {
                TeamConstituencies teams = ((TeamInput) input).teams();
                location = "service " + teams.id();
                imported = teams.asOf();
                kind = "teams";
                writeTeams(teams, out);
            }
            out.finish();
            return new DatasetEntry(new Dataset(input.name(), kind, location, imported, out.objectCount(), out.rangeCount(),
                    List.copyOf(out.sources())), base);
        }
    }

    /** Reads one file into the dataset; returns its kind. */
    private static String readFile(Path file, String name, DatasetWriter out, LoadOptions options, LoadProgress progress)
            throws IOException, LiaisonException {
        String input = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new LiaisonException("no such file: " + file);
        }
        try (InputStream raw = new Counting(Files.newInputStream(file), name, size, progress)) {
            BufferedInputStream head = new BufferedInputStream(raw, 1 << 16);
            head.mark(4);
            boolean gzip = head.read() == 0x1F && head.read() == 0x8B;
            head.reset();
            InputStream decoded = gzip ? new GZIPInputStream(head, 1 << 16) : head;
            try (ReadAheadInputStream ahead = new ReadAheadInputStream(decoded, name)) {
                BufferedInputStream data = new BufferedInputStream(ahead, 1 << 16);
                boolean delegated = looksDelegated(data, input);
                if (delegated) {
                    new DelegatedParser(input, data, out).parse();
                } else {
                    new RpslDumpParser(input, data, out, options.strictAttributes()).parse();
                }
                return delegated ? "delegated" : "rpsl";
            }
        }
    }

    /** True when the first content line has a '|' before any ':' (a statistics file). */
    private static boolean looksDelegated(BufferedInputStream data, String input) throws InputException {
        int limit = 1 << 15;
        data.mark(limit);
        try {
            byte[] head = new byte[limit];
            int n = 0;
            try {
                for (int r; n < limit && (r = data.read(head, n, limit - n)) > 0;) {
                    n += r;
                }
            } catch (IOException e) {
                // a broken file: judge by what was readable; the parser reports the failure with its line
            }
            data.reset();
            String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("%")) {
                    continue;
                }
                int pipe = line.indexOf('|');
                int colon = line.indexOf(':');
                return pipe >= 0 && (colon < 0 || pipe < colon);
            }
            return false;
        } catch (IOException e) {
            throw new InputException(input, 1, 0, "cannot read: " + e.getMessage() + " (truncated or corrupt file?)", e);
        }
    }

    private static void writeTeams(TeamConstituencies provider, DatasetWriter out) throws IOException {
        for (Team team : provider.teams()) {
            String email = team.emails().isEmpty() ? "" : team.emails().get(0);
            String name = team.shortName() != null ? team.shortName() : team.officialName() != null ? team.officialName() : team.sourceKey();
            String attr = String.join("|", team.sourceKey(), name.replace('|', '/'), email, provider.id());
            out.source(provider.id());
            for (IpRange r : team.constituency().ranges()) {
                long[] f = Ip.words(r.first());
                long[] l = Ip.words(r.last());
                out.range(r.first().isV4() ? DatasetWriter.TEAM4 : DatasetWriter.TEAM6, -1, f[0], f[1], l[0], l[1], null, null, null, attr);
            }
            for (Asn asn : team.constituency().asns()) {
                out.range(DatasetWriter.TEAM_ASN, -1, 0, asn.number(), 0, asn.number(), null, null, null, attr);
            }
            for (String domain : team.constituency().domains()) {
                String suffix = domain.strip().toLowerCase(Locale.ROOT);
                suffix = suffix.startsWith("*.") ? suffix.substring(2) : suffix.startsWith(".") ? suffix.substring(1) : suffix;
                out.named(DatasetWriter.TEAM_DOMAIN, suffix, attr);
            }
            for (String country : team.constituency().countries()) {
                out.named(DatasetWriter.TEAM_COUNTRY, country.strip().toUpperCase(Locale.ROOT), attr);
            }
        }
    }

    private static long nextGeneration(Path dir) throws IOException {
        long max = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = GENERATION.matcher(p.getFileName().toString());
                if (m.matches()) {
                    max = Math.max(max, Long.parseLong(m.group(1)));
                }
            }
        }
        return max + 1;
    }

    /** Deletes generations no longer referenced; readers that mapped them keep their mappings. */
    private static void removeUnreferenced(Path dir, List<DatasetEntry> kept, Path index) throws IOException {
        Set<String> keep = new HashSet<>();
        keep.add(index.getFileName().toString());
        for (DatasetEntry d : kept) {
            keep.add(IndexFormat.objectFile(dir, d.base()).getFileName().toString());
            keep.add(IndexFormat.recordFile(dir, d.base()).getFileName().toString());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (GENERATION.matcher(n).matches() && !keep.contains(n)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Counts the bytes of the file read, for progress. */
    private static final class Counting extends FilterInputStream {
        private final String name;
        private final long total;
        private final LoadProgress progress;
        private long count;
        private long reported;

        Counting(InputStream in, String name, long total, LoadProgress progress) {
            super(in);
            this.name = name;
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count - reported >= PROGRESS_STEP || count == total) {
                reported = count;
                progress.worked(name, count, total);
            }
        }
    }
}
