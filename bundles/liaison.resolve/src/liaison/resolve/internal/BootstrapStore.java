package liaison.resolve.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.rdap.RdapBootstrap;
import liaison.rdap.RdapClient;
import liaison.resolve.BootstrapStatus;
import liaison.resolve.Endpoints;

/**
 * Which IANA bootstrap files lookups use: a {@code --bootstrap DIR}, else the copy {@code liaison
 * bootstrap update} fetched into the workspace ({@code cache/bootstrap}), else the snapshot shipped
 * in liaison.rdap. An update downloads all five files, checks them, and replaces the copy only when
 * every file is good; it runs at most once a day.
 */
final class BootstrapStore {

    /** Where IANA publishes the files. */
    static final URI IANA = URI.create("https://data.iana.org/rdap/");
    static final Duration UPDATE_INTERVAL = Duration.ofDays(1);
    private static final String STAMP = "fetched";

    private final Path dir;
    private final Clock clock;
    private final Map<Path, Loaded> directories = new ConcurrentHashMap<>();
    private volatile RdapBootstrap shipped;

    private record Loaded(FileTime modified, RdapBootstrap bootstrap) {
    }

    BootstrapStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The bootstrap for a lookup: the given directory, else the workspace copy, else the shipped one. */
    RdapBootstrap current(Path bootstrapDir) throws InputException {
        if (bootstrapDir != null) {
            return fromDirectory(bootstrapDir.toAbsolutePath().normalize());
        }
        if (Files.isRegularFile(dir.resolve(STAMP))) {
            return fromDirectory(dir);
        }
        RdapBootstrap s = shipped;
        if (s == null) {
            shipped = s = RdapBootstrap.bundled();
        }
        return s;
    }

    private RdapBootstrap fromDirectory(Path d) throws InputException {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(d.resolve(RdapBootstrap.FILES.get(0)));
        } catch (NoSuchFileException e) {
            throw new InputException(d.resolve(RdapBootstrap.FILES.get(0)).toString(), 0, 0,
                    "missing: a bootstrap directory holds " + String.join(", ", RdapBootstrap.FILES), e);
        } catch (IOException e) {
            throw new InputException(d.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        Loaded l = directories.get(d);
        if (l == null || !l.modified.equals(modified)) {
            l = new Loaded(modified, RdapBootstrap.load(d));
            directories.put(d, l);
        }
        return l.bootstrap;
    }

    BootstrapStatus status(Path bootstrapDir) throws InputException {
        RdapBootstrap b = current(bootstrapDir);
        return new BootstrapStatus(b.origin(), b.publications(), bootstrapDir == null ? fetched() : null, false, "in use: " + b.origin());
    }

    /** Downloads the files unless the workspace copy is less than a day old. */
    synchronized BootstrapStatus update(RdapClient client, Endpoints endpoints) throws LiaisonException {
        Instant last = fetched();
        Instant now = clock.instant();
        if (last != null && Duration.between(last, now).compareTo(UPDATE_INTERVAL) < 0) {
            RdapBootstrap b = current(null);
            return new BootstrapStatus(b.origin(), b.publications(), last, false, "the workspace copy was fetched at " + last
                    + "; IANA's files are fetched at most once a day (next after " + last.plus(UPDATE_INTERVAL) + ")");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : RdapBootstrap.FILES) {
            files.put(name, client.get(IANA.resolve(name), endpoints::rdap).body());
        }
        RdapBootstrap checked = RdapBootstrap.read(IANA.toString(), files);
        try {
            Files.createDirectories(dir);
            for (var f : files.entrySet()) {
                Path tmp = dir.resolve(f.getKey() + ".tmp");
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                Files.move(tmp, dir.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.writeString(dir.resolve(STAMP), now.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LiaisonException("cannot store the bootstrap files in " + dir + ": " + e.getMessage(), e);
        }
        directories.remove(dir);
        return new BootstrapStatus(dir.toString(), checked.publications(), now, true, "fetched the IANA bootstrap files into " + dir);
    }

    private Instant fetched() {
        try {
            return Instant.parse(Files.readString(dir.resolve(STAMP), StandardCharsets.UTF_8).strip());
        } catch (IOException | java.time.DateTimeException e) {
            return null;
        }
    }
}
