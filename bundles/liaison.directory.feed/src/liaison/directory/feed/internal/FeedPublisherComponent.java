package liaison.directory.feed.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.FeedPublisher;
import liaison.directory.TeamFilter;
import liaison.directory.TeamJson;
import liaison.directory.nrtm4.JsonSeq;
import liaison.directory.nrtm4.Jws;
import liaison.directory.nrtm4.Nrtm4Client;
import liaison.store.Workspace;

/**
 * Publishes the directory as an NRTMv4-style feed. A new publication into a directory that holds
 * an earlier one continues its session: unchanged teams give no new version (the notification is
 * re-signed with a fresh timestamp, so subscribers see the feed is alive), changes give a delta and a
 * new snapshot. The notification file is replaced last and atomically, so a subscriber never sees
 * one that names files not yet written.
 */
@Component(service = FeedPublisher.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class FeedPublisherComponent implements FeedPublisher {

    /** Deltas a notification keeps offering; older subscribers reload the snapshot. */
    static final int MAX_DELTAS = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DirectoryService directory;
    private final Workspace workspace;
    private final Clock clock;

    @Activate
    public FeedPublisherComponent(@Reference DirectoryService directory, @Reference Workspace workspace) {
        this(directory, workspace, Clock.systemUTC());
    }

    FeedPublisherComponent(DirectoryService directory, Workspace workspace, Clock clock) {
        this.directory = directory;
        this.workspace = workspace;
        this.clock = clock;
    }

    /** The previous publication in the directory, verified with our key. */
    private record Previous(String sessionId, long version, JsonNode snapshot, List<JsonNode> deltas, Map<String, JsonNode> objects) {
    }

    @Override
    public synchronized Publication publish(Path dir, String name, TeamFilter filter) throws LiaisonException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("feed name '" + name + "': letters, digits, '-' and '_' only");
        }
        KeyPair keys = SigningKeys.loadOrCreate(workspace.resolve("keys"));
        Previous prev = previous(dir, name, keys);
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (DirectoryTeam d : directory.list(filter)) {
            ObjectNode team = TeamJson.write(d.team());
            objects.put(TeamObjects.key(team.path("source_key").asText()), team);
        }
        Instant now = clock.instant();
        String session = prev == null ? UUID.randomUUID().toString() : prev.sessionId();
        boolean changed = prev == null || !prev.objects().equals(objects);
        long version = prev == null ? 1 : changed ? prev.version() + 1 : prev.version();
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            JsonNode snapshotRef = prev == null ? null : prev.snapshot();
            List<JsonNode> deltas = new ArrayList<>(prev == null ? List.of() : prev.deltas());
            if (changed) {
                List<JsonNode> records = new ArrayList<>();
                records.add(header("snapshot", name, session, version));
                objects.values().forEach(o -> records.add(MAPPER.createObjectNode().set("object", o)));
                byte[] snapshot = gzip(JsonSeq.write(records));
                snapshotRef = fileRef(version, write(dir, "nrtm-snapshot." + version + "." + name + "." + session + "."
                        + Nrtm4Client.sha256(snapshot).substring(0, 16) + ".json.gz", snapshot, written), snapshot);
                if (prev != null) {
                    byte[] delta = JsonSeq.write(delta(prev.objects(), objects, header("delta", name, session, version)));
                    deltas.add(fileRef(version, write(dir, "nrtm-delta." + version + "." + name + "." + session + "."
                            + Nrtm4Client.sha256(delta).substring(0, 16) + ".json", delta, written), delta));
                }
            }
            while (deltas.size() > MAX_DELTAS) {
                deltas.remove(0);
            }
            ObjectNode unf = MAPPER.createObjectNode();
            unf.put("nrtm_version", 4);
            unf.put("timestamp", now.toString());
            unf.put("type", "notification");
            unf.put("source", name);
            unf.put("session_id", session);
            unf.put("version", version);
            unf.set("snapshot", snapshotRef);
            ArrayNode list = unf.putArray("deltas");
            deltas.forEach(list::add);
            String jws = Jws.sign(MAPPER.writeValueAsBytes(unf), keys.getPrivate(), Jws.keyId(keys.getPublic()));
            String pem = Jws.pem(keys.getPublic());
            write(dir, PUBLIC_KEY_FILE, pem.getBytes(StandardCharsets.US_ASCII), written);
            write(dir, NOTIFICATION_FILE, jws.getBytes(StandardCharsets.US_ASCII), written);
            removeUnreferenced(dir, unf, prev);
            return new Publication(session, version, objects.size(), written, pem);
        } catch (IOException e) {
            throw new LiaisonException("cannot write the feed into " + dir + ": " + e.getMessage(), e);
        }
    }

    private Previous previous(Path dir, String name, KeyPair keys) throws LiaisonException {
        Path unfFile = dir.resolve(NOTIFICATION_FILE);
        if (!Files.isRegularFile(unfFile)) {
            return null;
        }
        JsonNode unf;
        Nrtm4Client.Mirror mirror;
        try {
            unf = MAPPER.readTree(Jws.verify(unfFile.toString(), Files.readString(unfFile), keys.getPublic()));
            mirror = new Nrtm4Client(new TeamObjects(), clock).update(unfFile.toUri(), keys.getPublic(), null, ProgressListener.NONE);
        } catch (InputException e) {
            throw new LiaisonException(dir + " holds a feed this workspace cannot continue (" + e.getMessage()
                    + "); publish into another directory", e);
        } catch (IOException e) {
            throw new LiaisonException("cannot read the previous feed in " + dir + ": " + e.getMessage(), e);
        }
        if (!mirror.source().equals(name)) {
            throw new LiaisonException(dir + " holds the feed '" + mirror.source() + "'; publish it under that name or into another directory");
        }
        List<JsonNode> deltas = new ArrayList<>();
        unf.path("deltas").forEach(deltas::add);
        return new Previous(mirror.sessionId(), mirror.version(), unf.path("snapshot"), deltas, mirror.objects());
    }

    private static List<JsonNode> delta(Map<String, JsonNode> before, Map<String, JsonNode> after, JsonNode header) {
        List<JsonNode> records = new ArrayList<>();
        records.add(header);
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> records.add(MAPPER.createObjectNode()
                .put("action", "delete").put("object_class", TeamObjects.CLASS)
                .put("primary_key", before.get(k).path("source_key").asText())));
        after.forEach((k, o) -> {
            if (!Objects.equals(before.get(k), o)) {
                records.add(MAPPER.createObjectNode().put("action", "add_modify").set("object", o));
            }
        });
        return records;
    }

    private static ObjectNode header(String type, String name, String session, long version) {
        return MAPPER.createObjectNode().put("nrtm_version", 4).put("type", type).put("source", name).put("session_id", session)
                .put("version", version);
    }

    private static ObjectNode fileRef(long version, String url, byte[] content) {
        return MAPPER.createObjectNode().put("version", version).put("url", url).put("hash", Nrtm4Client.sha256(content));
    }

    /** Writes beside the target, then moves into place. */
    private static String write(Path dir, String file, byte[] content, List<String> written) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + file, ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        written.add(file);
        return file;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /**
     * Deletes snapshots and deltas the new notification no longer names; the previous snapshot stays
     * one more round for subscribers that fetched the previous notification a moment ago.
     */
    private static void removeUnreferenced(Path dir, JsonNode unf, Previous prev) throws IOException {
        Set<String> keep = new HashSet<>();
        keep.add(unf.path("snapshot").path("url").asText());
        unf.path("deltas").forEach(d -> keep.add(d.path("url").asText()));
        if (prev != null) {
            keep.add(prev.snapshot().path("url").asText());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "nrtm-{snapshot,delta}.*")) {
            for (Path f : files) {
                if (!keep.contains(f.getFileName().toString())) {
                    Files.delete(f);
                }
            }
        }
    }
}
