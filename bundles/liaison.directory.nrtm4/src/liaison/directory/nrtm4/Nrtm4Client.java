package liaison.directory.nrtm4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.directory.source.SourceInput;

/**
 * An NRTMv4 client (draft-ietf-grow-nrtm-v4): reads the update notification file, checks its
 * ES256 signature against the configured key, and brings a local mirror up to its version — from
 * the snapshot when there is no usable mirror (none yet, another session, too old for the deltas
 * offered), else by applying the deltas after the mirror's version.
 *
 * <p>Every file's SHA-256 must match the notification; the deltas must be contiguous and end at the
 * notification's version; the files' headers must name the same source, session and version. The
 * mirror is replaced only when everything checked out (all or nothing), atomically on disk. A
 * notification older than 24 hours gives a warning; a version older than the mirror's is refused.
 */
public final class Nrtm4Client {

    /** How the mirror keys the objects it keeps. */
    public interface ObjectKeys {
        /**
         * The key of an {@code add_modify} or snapshot record's {@code object}, or null when such
         * objects are not kept.
         *
         * @throws IllegalArgumentException when the object is malformed
         */
        String keyOf(JsonNode object);

        /** The key a {@code delete} record names, or null when such objects are not kept. */
        String keyOf(String objectClass, String primaryKey);
    }

    /**
     * The mirror after an update.
     *
     * @param source          the notification's source name
     * @param sessionId       its session
     * @param version         the version the mirror is at
     * @param published       the notification's timestamp
     * @param objects         the objects kept, by key
     * @param warnings        problems that did not stop the update (stale, unsigned, session change)
     * @param updated         false when the mirror was already at the notification's version
     */
    public record Mirror(String source, String sessionId, long version, Instant published, Map<String, JsonNode> objects,
            List<String> warnings, boolean updated) {
    }

    /** The age from which a notification file is reported stale. */
    public static final Duration STALE_AFTER = Duration.ofHours(24);

    private static final String STATE_FILE = "mirror.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record FileRef(long version, URI url, String hash) {
    }

    private record Notification(String source, String sessionId, long version, Instant timestamp, FileRef snapshot,
            List<FileRef> deltas) {
    }

    private record State(String source, String sessionId, long version, Map<String, JsonNode> objects) {
    }

    private final ObjectKeys keys;
    private final Clock clock;

    public Nrtm4Client(ObjectKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Brings the mirror in {@code stateDirectory} up to the notification's version.
     *
     * @param notification   the update notification file: {@code .jose} (signed) or JSON
     * @param key            the publisher's key; required for a signed file, and then unsigned files are refused
     * @param stateDirectory where the mirror is kept between runs, or null to read the snapshot every time
     * @throws InputException naming the file and the problem; the stored mirror is then unchanged
     */
    public Mirror update(URI notification, PublicKey key, Path stateDirectory, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(notification);
        List<String> warnings = new ArrayList<>();
        Notification n = notification(notification, input, key, warnings);
        Instant now = clock.instant();
        if (n.timestamp().isBefore(now.minus(STALE_AFTER))) {
            warnings.add(input + ": the notification file is of " + n.timestamp() + ", more than "
                    + STALE_AFTER.toHours() + " hours old; the server may have stopped updating it");
        }

        State state = stateDirectory == null ? null : load(stateDirectory);
        if (state != null && !state.source().equals(n.source())) {
            warnings.add(input + ": the mirror held source " + state.source() + ", the server now serves " + n.source()
                    + "; reloading from the snapshot");
            state = null;
        }
        if (state != null && !state.sessionId().equals(n.sessionId())) {
            warnings.add(input + ": new session " + n.sessionId() + " (was " + state.sessionId() + "); reloading from the snapshot");
            state = null;
        }
        if (state != null && state.version() > n.version()) {
            throw new InputException(input, 0, 0, "version " + n.version() + " is older than the mirror's " + state.version()
                    + " in the same session; refusing to go back");
        }
        if (state != null && state.version() == n.version()) {
            return new Mirror(n.source(), n.sessionId(), n.version(), n.timestamp(), state.objects(), warnings, false);
        }

        Map<String, JsonNode> objects;
        long version;
        long needed = state == null ? -1 : state.version() + 1;
        if (state != null && n.deltas().stream().anyMatch(d -> d.version() == needed)) {
            objects = new LinkedHashMap<>(state.objects());
            version = state.version();
        } else {
            if (state != null) {
                warnings.add(input + ": the deltas offered no longer reach back to version " + needed + "; reloading from the snapshot");
            }
            objects = snapshot(n, progress);
            version = n.snapshot().version();
        }
        int done = 0;
        for (FileRef d : n.deltas()) {
            if (d.version() <= version) {
                continue;
            }
            applyDelta(n, d, objects);
            version = d.version();
            progress.worked(++done, -1, "NRTMv4 delta " + d.version());
        }
        if (version != n.version()) {
            throw new InputException(input, 0, 0, "the snapshot and deltas reach version " + version + ", the notification says "
                    + n.version());
        }
        if (stateDirectory != null) {
            save(stateDirectory, new State(n.source(), n.sessionId(), version, objects));
        }
        return new Mirror(n.source(), n.sessionId(), version, n.timestamp(), objects, warnings, true);
    }

    private Notification notification(URI uri, String input, PublicKey key, List<String> warnings) throws LiaisonException {
        byte[] data = SourceInput.fetch(uri);
        String text = new String(data, StandardCharsets.US_ASCII).strip();
        byte[] json;
        if (text.startsWith("{")) {
            if (key != null) {
                throw new InputException(input, 0, 0, "a key is configured but the notification file is not signed;"
                        + " unsigned data is refused (point at the .jose file)");
            }
            warnings.add(input + " is not signed; its integrity rests on the transport alone");
            json = data;
        } else {
            if (key == null) {
                throw new InputException(input, 0, 0, "the notification file is signed; configure the publisher's public key"
                        + " (--key) to verify it");
            }
            json = Jws.verify(input, text, key);
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InputException(input, 0, 0, "the notification is not JSON: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new InputException(input, 0, 0, "the notification is not a JSON object");
        }
        if (o.path("nrtm_version").asInt() != 4) {
            throw new InputException(input, 0, 0, "nrtm_version is " + o.path("nrtm_version") + ", not 4");
        }
        if (!"notification".equals(o.path("type").asText())) {
            throw new InputException(input, 0, 0, "type is '" + o.path("type").asText() + "', not 'notification'");
        }
        String source = required(input, o, "source");
        String session = required(input, o, "session_id");
        try {
            UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            throw new InputException(input, 0, 0, "session_id '" + session + "' is not a UUID", e);
        }
        long version = positive(input, o, "version");
        Instant timestamp;
        try {
            timestamp = Instant.parse(required(input, o, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new InputException(input, 0, 0, "timestamp '" + o.path("timestamp").asText() + "' is not RFC 3339", e);
        }
        FileRef snapshot = fileRef(input, uri, o.path("snapshot"), "snapshot");
        List<FileRef> deltas = new ArrayList<>();
        for (JsonNode d : o.path("deltas")) {
            FileRef ref = fileRef(input, uri, d, "delta");
            if (!deltas.isEmpty() && ref.version() != deltas.getLast().version() + 1) {
                throw new InputException(input, 0, 0, "the deltas are not contiguous: version " + ref.version() + " follows "
                        + deltas.getLast().version());
            }
            deltas.add(ref);
        }
        if (snapshot.version() > version) {
            throw new InputException(input, 0, 0, "the snapshot's version " + snapshot.version() + " is after the notification's "
                    + version);
        }
        if (!deltas.isEmpty() && deltas.getLast().version() != version) {
            throw new InputException(input, 0, 0, "the last delta is version " + deltas.getLast().version()
                    + ", the notification says " + version);
        }
        return new Notification(source, session, version, timestamp, snapshot, deltas);
    }

    private static FileRef fileRef(String input, URI base, JsonNode o, String what) throws InputException {
        if (!o.isObject()) {
            throw new InputException(input, 0, 0, "the notification has no " + what + " entry");
        }
        String url = required(input, o, "url");
        String hash = required(input, o, "hash").toLowerCase(Locale.ROOT);
        try {
            return new FileRef(positive(input, o, "version"), base.resolve(url), hash);
        } catch (IllegalArgumentException e) {
            throw new InputException(input, 0, 0, what + " url '" + url + "' is not a URL", e);
        }
    }

    private static String required(String input, JsonNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new InputException(input, 0, 0, "'" + field + "' is missing");
        }
        return v.asText();
    }

    private static long positive(String input, JsonNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 1) {
            throw new InputException(input, 0, 0, "'" + field + "' is not a positive integer: " + v);
        }
        return v.asLong();
    }

    /** Fetches a file named by the notification and checks its SHA-256; gzip is undone after the check. */
    private static byte[] fetchChecked(FileRef ref) throws LiaisonException {
        String input = SourceInput.display(ref.url());
        byte[] data = SourceInput.fetch(ref.url());
        String actual = sha256(data);
        if (!actual.equals(ref.hash())) {
            throw new InputException(input, 0, 0, "SHA-256 is " + actual + ", the notification file says " + ref.hash()
                    + "; the file was altered or replaced");
        }
        if (data.length > 1 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                return in.readNBytes((int) SourceInput.MAX_BYTES);
            } catch (IOException e) {
                throw new InputException(input, 0, 0, "broken gzip data: " + e.getMessage(), e);
            }
        }
        return data;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, JsonNode> snapshot(Notification n, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(n.snapshot().url());
        List<JsonSeq.Record> records = JsonSeq.read(input, fetchChecked(n.snapshot()));
        checkHeader(input, records, "snapshot", n, n.snapshot().version());
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (JsonSeq.Record r : records.subList(1, records.size())) {
            JsonNode object = r.node().get("object");
            if (object == null) {
                throw new InputException(input, r.line(), 0, "record #" + (r.index() + 1) + " has no 'object'");
            }
            String key = key(input, r, object);
            if (key != null && objects.put(key, object) != null) {
                throw new InputException(input, r.line(), 0, "record #" + (r.index() + 1) + ": object " + key + " appears twice");
            }
            if (r.index() % 1000 == 0) {
                progress.worked(r.index(), records.size(), "NRTMv4 snapshot " + n.snapshot().version());
            }
        }
        return objects;
    }

    private void applyDelta(Notification n, FileRef ref, Map<String, JsonNode> objects) throws LiaisonException {
        String input = SourceInput.display(ref.url());
        List<JsonSeq.Record> records = JsonSeq.read(input, fetchChecked(ref));
        checkHeader(input, records, "delta", n, ref.version());
        for (JsonSeq.Record r : records.subList(1, records.size())) {
            JsonNode o = r.node();
            String action = o.path("action").asText();
            switch (action) {
                case "add_modify" -> {
                    JsonNode object = o.get("object");
                    if (object == null) {
                        throw new InputException(input, r.line(), 0, "record #" + (r.index() + 1) + ": add_modify without 'object'");
                    }
                    String key = key(input, r, object);
                    if (key != null) {
                        objects.put(key, object);
                    }
                }
                case "delete" -> {
                    String key = keys.keyOf(o.path("object_class").asText(), o.path("primary_key").asText());
                    if (key != null && objects.remove(key) == null) {
                        throw new InputException(input, r.line(), 0, "record #" + (r.index() + 1) + ": delete of " + key
                                + ", which the mirror does not hold");
                    }
                }
                default -> throw new InputException(input, r.line(), 0, "record #" + (r.index() + 1) + ": unknown action '" + action + "'");
            }
        }
    }

    private String key(String input, JsonSeq.Record r, JsonNode object) throws InputException {
        try {
            return keys.keyOf(object);
        } catch (IllegalArgumentException e) {
            throw new InputException(input, r.line(), 0, "record #" + (r.index() + 1) + ": " + e.getMessage(), e);
        }
    }

    private static void checkHeader(String input, List<JsonSeq.Record> records, String type, Notification n, long version)
            throws InputException {
        if (records.isEmpty()) {
            throw new InputException(input, 1, 1, "empty file; expected a " + type + " header");
        }
        JsonNode h = records.get(0).node();
        List<String> wrong = new ArrayList<>();
        if (h.path("nrtm_version").asInt() != 4) {
            wrong.add("nrtm_version " + h.path("nrtm_version"));
        }
        if (!type.equals(h.path("type").asText())) {
            wrong.add("type '" + h.path("type").asText() + "'");
        }
        if (!n.source().equals(h.path("source").asText())) {
            wrong.add("source '" + h.path("source").asText() + "'");
        }
        if (!n.sessionId().equals(h.path("session_id").asText())) {
            wrong.add("session_id '" + h.path("session_id").asText() + "'");
        }
        if (h.path("version").asLong() != version) {
            wrong.add("version " + h.path("version"));
        }
        if (!wrong.isEmpty()) {
            throw new InputException(input, records.get(0).line(), 0, "the header does not match the notification ("
                    + type + " " + version + " of " + n.source() + ", session " + n.sessionId() + "): " + String.join(", ", wrong));
        }
    }

    private static State load(Path dir) throws LiaisonException {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode o = MAPPER.readTree(file.toFile());
            Map<String, JsonNode> objects = new LinkedHashMap<>();
            o.path("objects").properties().forEach(e -> objects.put(e.getKey(), e.getValue()));
            return new State(o.path("source").asText(), o.path("session_id").asText(), o.path("version").asLong(), objects);
        } catch (IOException e) {
            throw new LiaisonException("the NRTMv4 mirror " + file + " is unreadable (" + e.getMessage()
                    + "); delete it to reload from the snapshot", e);
        }
    }

    /** Writes the state beside the old one, then moves it over it: a crash leaves one or the other. */
    private static void save(Path dir, State s) throws LiaisonException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", s.source());
        o.put("session_id", s.sessionId());
        o.put("version", s.version());
        ObjectNode objects = o.putObject("objects");
        s.objects().forEach(objects::set);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, STATE_FILE, ".tmp");
            Files.write(tmp, MAPPER.writeValueAsBytes(o));
            Files.move(tmp, dir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LiaisonException("cannot write the NRTMv4 mirror in " + dir + ": " + e.getMessage(), e);
        }
    }
}
