package liaison.directory.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.persistence.EntityManager;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.api.directory.SourceRequest;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Resource;
import liaison.directory.ConfiguredSource;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.MatchCandidate;
import liaison.directory.Revision;
import liaison.directory.SyncOutcome;
import liaison.directory.SyncResult;
import liaison.directory.TeamFilter;
import liaison.directory.TeamJson;
import liaison.directory.source.SourceInput;
import liaison.isolation.Extensions;
import liaison.store.Database;
import liaison.store.StoreException;
import liaison.store.Transactions;
import liaison.store.Workspace;

/**
 * The directory of the selected workspace. Configured like the workspace (same PID), so it follows
 * the workspace a process selects; the database is opened on first use.
 */
@Component(service = DirectoryService.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DirectoryComponent implements DirectoryService {

    /** Long enough for a full directory over a slow link; a hung source is given up after it. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

    private final Database database;
    private final Workspace workspace;
    private DirectoryStore store;

    /** Counts this component's writes; a cached team list is valid for the count it was read at. */
    private final AtomicLong writes = new AtomicLong();

    /** The active teams, parsed, for constituency look-ups. */
    private record ActiveTeams(long writes, List<DirectoryTeam> teams) {
    }

    private volatile ActiveTeams activeTeams;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<DirectorySource> sources;

    @Activate
    public DirectoryComponent(@Reference Database database, @Reference Workspace workspace) {
        this.database = database;
        this.workspace = workspace;
    }

    /** For tests outside OSGi: the given database, workspace and sources. */
    DirectoryComponent(Database database, Workspace workspace, List<DirectorySource> sources) {
        this(database, workspace);
        this.sources = List.copyOf(sources);
    }

    private synchronized DirectoryStore store() throws StoreException {
        if (store == null) {
            store = new DirectoryStore(database);
        }
        return store;
    }

    /** A write transaction; cached reads are invalidated once it is over, whatever its outcome. */
    private <T> T write(boolean rollback, Transactions.Work<T> work) throws LiaisonException {
        try {
            return store().write(rollback, work);
        } finally {
            writes.incrementAndGet();
        }
    }

    @Deactivate
    synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public List<DirectorySource> sources() {
        List<DirectorySource> s = sources;
        return s == null ? List.of() : s.stream().sorted(Comparator.comparing(DirectorySource::id)).toList();
    }

    private DirectorySource source(String id) throws LiaisonException {
        return sources().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new LiaisonException("no directory source '" + id + "'; installed: "
                        + String.join(", ", sources().stream().map(DirectorySource::id).toList())));
    }

    @Override
    public SyncResult importFrom(String sourceId, String location, boolean dryRun, ProgressListener progress)
            throws LiaisonException {
        SourceSnapshot snapshot = read(source(sourceId), SourceRequest.of(SourceInput.toUri(location)), progress);
        return apply(snapshot, "import", dryRun, progress);
    }

    @Override
    public SyncResult apply(SourceSnapshot snapshot, boolean dryRun, ProgressListener progress) throws LiaisonException {
        return apply(snapshot, "import", dryRun, progress);
    }

    private synchronized SyncResult apply(SourceSnapshot snapshot, String verb, boolean dryRun, ProgressListener progress)
            throws LiaisonException {
        return write(dryRun, em -> {
            Tx tx = new Tx(em, Instant.now());
            return new SyncEngine(tx).apply(snapshot, verb, dryRun, keptApart(em), progress);
        });
    }

    @Override
    public List<SyncOutcome> sync(boolean dryRun, ProgressListener progress) throws LiaisonException {
        List<SyncOutcome> out = new ArrayList<>();
        for (ConfiguredSource cs : configuredSources()) {
            SyncResult result = null;
            String error = null;
            try {
                URI uri = SourceInput.toUri(cs.location());
                SourceSnapshot snapshot = read(source(cs.sourceId()), new SourceRequest(uri, cs.key(), stateDirectory(cs)), progress);
                result = apply(snapshot, "sync", dryRun, progress);
            } catch (LiaisonException | RuntimeException e) {
                error = e instanceof LiaisonException ? e.getMessage() : e.toString();
            }
            if (!dryRun) {
                recordRun(cs.id(), result != null ? result.summary() : "failed: " + error);
            }
            out.add(new SyncOutcome(cs, result, error));
        }
        return out;
    }

    /**
     * Reads through a source — Liaison's or a third party's — so that one that hangs or breaks
     * fails this read with its bundle named, and may only answer for its own scope.
     */
    private static SourceSnapshot read(DirectorySource source, SourceRequest request, ProgressListener progress)
            throws LiaisonException {
        String what = "directory source '" + source.id() + "' reading " + SourceInput.display(request.location());
        SourceSnapshot s = Extensions.call(source, what, READ_TIMEOUT, () -> source.read(request, progress));
        if (s == null) {
            throw new LiaisonException(what + " returned nothing (" + Extensions.provider(source) + ")");
        }
        if (!s.sourceId().equals(source.id()) && !s.sourceId().startsWith(source.id() + ":")) {
            throw new LiaisonException(what + " answered as source '" + s.sourceId() + "', not as '" + source.id() + "' ("
                    + Extensions.provider(source) + ")");
        }
        return s;
    }

    /** Where an incremental source keeps its mirror of one location. */
    private Path stateDirectory(ConfiguredSource cs) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cs.location().getBytes(StandardCharsets.UTF_8));
            return workspace.resolve("directory/sources/" + cs.sourceId() + "-" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void recordRun(long id, String summary) throws LiaisonException {
        write(false, em -> {
            SourceEntity s = em.find(SourceEntity.class, id);
            if (s != null) {
                s.lastRun = Instant.now();
                s.lastResult = summary.length() > 4000 ? summary.substring(0, 4000) : summary;
            }
            return null;
        });
    }

    @Override
    public List<DirectoryTeam> list(TeamFilter filter) throws LiaisonException {
        return store().read(em -> {
            StringBuilder q = new StringBuilder("SELECT t FROM TeamEntity t WHERE t.status <> 'merged'");
            if (!filter.includeRemoved()) {
                q.append(" AND t.status = 'active'");
            }
            if (filter.country() != null) {
                q.append(" AND t.country = :country");
            }
            if (filter.classification() != null) {
                q.append(" AND t.classification = :classification");
            }
            var query = em.createQuery(q.toString(), TeamEntity.class);
            if (filter.country() != null) {
                query.setParameter("country", filter.country().toUpperCase(Locale.ROOT));
            }
            if (filter.classification() != null) {
                query.setParameter("classification", filter.classification().toLowerCase(Locale.ROOT));
            }
            return query.getResultList().stream().map(Tx::view)
                    .filter(d -> filter.source() == null || d.sources().stream().anyMatch(s -> s.equals(filter.source())
                            || s.startsWith(filter.source() + ":")))
                    .sorted(BY_NAME).toList();
        });
    }

    static final Comparator<DirectoryTeam> BY_NAME = Comparator
            .comparing((DirectoryTeam d) -> d.shortName() == null ? "" : d.shortName().toLowerCase(Locale.ROOT))
            .thenComparingLong(DirectoryTeam::id);

    @Override
    public DirectoryTeam team(String ref) throws LiaisonException {
        return store().read(em -> Tx.view(resolve(em, ref)));
    }

    @Override
    public DirectoryTeam teamAt(String ref, Instant at) throws LiaisonException {
        return store().read(em -> {
            TeamEntity t = resolve(em, ref);
            List<RevisionEntity> revs = em.createQuery("SELECT r FROM RevisionEntity r WHERE r.teamId = :id AND r.madeAt <= :at"
                    + " ORDER BY r.revision DESC", RevisionEntity.class).setParameter("id", t.id).setParameter("at", at)
                    .setMaxResults(1).getResultList();
            if (revs.isEmpty()) {
                throw new IllegalArgumentException(t.shortName + " (" + t.id + ") was not yet in the directory at " + at
                        + "; its first revision is of " + firstRevisionTime(em, t.id));
            }
            return TeamJson.readDirectoryTeam(revs.get(0).viewJson);
        });
    }

    private static Instant firstRevisionTime(EntityManager em, long id) {
        return em.createQuery("SELECT MIN(r.madeAt) FROM RevisionEntity r WHERE r.teamId = :id", Instant.class)
                .setParameter("id", id).getSingleResult();
    }

    @Override
    public List<DirectoryTeam> search(String text) throws LiaisonException {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            throw new IllegalArgumentException("give a text to search for");
        }
        Resource resource;
        try {
            resource = Resource.parse(text);
        } catch (IllegalArgumentException notAResource) {
            resource = null;
        }
        Resource r = resource;
        return list(TeamFilter.ALL).stream().filter(d -> Search.matches(d, needle, r)).toList();
    }

    @Override
    public List<DirectoryTeam> covering(Resource resource) throws LiaisonException {
        long count = writes.get();
        ActiveTeams cached = activeTeams;
        if (cached == null || cached.writes() != count) {
            cached = new ActiveTeams(count, list(TeamFilter.ACTIVE));
            activeTeams = cached;
        }
        return cached.teams().stream().filter(d -> Search.covers(d.team().constituency(), resource))
                .sorted(Comparator.comparingDouble(d -> Search.bestMatch(d.team().constituency(), resource).orElseThrow().closeness()))
                .toList();
    }

    @Override
    public List<Revision> history(String ref) throws LiaisonException {
        return store().read(em -> {
            TeamEntity t = resolve(em, ref);
            List<RevisionEntity> revs = em.createQuery("SELECT r FROM RevisionEntity r WHERE r.teamId = :id ORDER BY r.revision",
                    RevisionEntity.class).setParameter("id", t.id).getResultList();
            List<Revision> out = new ArrayList<>();
            DirectoryTeam previous = null;
            for (RevisionEntity r : revs) {
                DirectoryTeam view = TeamJson.readDirectoryTeam(r.viewJson);
                out.add(new Revision(r.revision, r.madeAt, r.cause, Diff.changes(previous, view)));
                previous = view;
            }
            return out;
        });
    }

    @Override
    public synchronized DirectoryTeam override(String ref, Field field, String value) throws LiaisonException {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("give a value for " + field.cliName() + ", or --remove to drop the override");
        }
        return write(false, em -> {
            Tx tx = new Tx(em, Instant.now());
            TeamEntity t = tx.team(resolve(em, ref).id);
            if (t.mergedInto != null) {
                throw new LiaisonException(t.shortName + " was merged into team " + t.mergedInto + "; override that team");
            }
            Merger.Result current = tx.merge(t.id);
            field.apply(current.effective(), field.parse(value)); // refuses a value invalid for the field
            tx.putOverride(t.id, field, value.strip(), field.text(current.fromSources()));
            return tx.rebuild(t, "override " + field.cliName()).after();
        });
    }

    @Override
    public synchronized DirectoryTeam removeOverride(String ref, Field field) throws LiaisonException {
        return write(false, em -> {
            Tx tx = new Tx(em, Instant.now());
            TeamEntity t = tx.team(resolve(em, ref).id);
            OverrideEntity o = tx.overrides(t.id).stream().filter(x -> x.field.equals(field.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(t.shortName + " has no override of " + field.cliName()));
            tx.deleteOverride(o);
            return tx.rebuild(t, "override " + field.cliName() + " removed").after();
        });
    }

    @Override
    public List<MatchCandidate> matches() throws LiaisonException {
        return store().read(em -> {
            Tx tx = new Tx(em, Instant.now());
            tx.loadAll();
            Matcher m = new Matcher();
            Set<Long> active = new HashSet<>();
            for (TeamEntity t : tx.teams().values()) {
                DirectoryTeam view = Tx.view(t);
                if (view == null || t.mergedInto != null) {
                    continue;
                }
                List<liaison.api.model.Team> teams = new ArrayList<>();
                teams.add(view.team());
                tx.records(t.id).stream().filter(r -> r.present).forEach(r -> teams.add(TeamJson.read(r.teamJson)));
                m.put(t.id, view.shortName(), true, Set.copyOf(view.sources()), teams);
                if (view.status() == DirectoryTeam.Status.ACTIVE) {
                    active.add(t.id);
                }
            }
            return m.nearPairs(active, keptApart(em));
        });
    }

    private static Set<List<Long>> keptApart(EntityManager em) {
        Set<List<Long>> out = new HashSet<>();
        em.createQuery("SELECT d FROM MatchDecisionEntity d", MatchDecisionEntity.class).getResultList()
                .forEach(d -> out.add(List.of(d.teamA, d.teamB)));
        return out;
    }

    @Override
    public synchronized DirectoryTeam merge(String ref, String intoRef) throws LiaisonException {
        return write(false, em -> {
            Tx tx = new Tx(em, Instant.now());
            TeamEntity from = tx.team(resolve(em, ref).id);
            TeamEntity into = tx.team(resolve(em, intoRef).id);
            if (from.id == into.id) {
                throw new IllegalArgumentException("a team cannot be merged into itself");
            }
            if (from.mergedInto != null || into.mergedInto != null) {
                throw new LiaisonException("team " + (from.mergedInto != null ? from.id : into.id) + " is already merged");
            }
            Set<String> intoScopes = new HashSet<>();
            tx.records(into.id).stream().filter(r -> r.present).forEach(r -> intoScopes.add(r.sourceId));
            for (RecordEntity r : List.copyOf(tx.records(from.id))) {
                if (r.present && intoScopes.contains(r.sourceId)) {
                    throw new LiaisonException(from.shortName + " and " + into.shortName + " are both listed by " + r.sourceId
                            + ", so they are distinct teams there; not merged");
                }
            }
            String cause = "merge " + from.shortName + " (" + from.id + ") into " + into.shortName + " (" + into.id + ")";
            List.copyOf(tx.records(from.id)).forEach(r -> tx.moveRecord(r, into.id));
            Set<String> intoFields = new HashSet<>();
            tx.overrides(into.id).forEach(o -> intoFields.add(o.field));
            for (OverrideEntity o : List.copyOf(tx.overrides(from.id))) {
                if (!intoFields.contains(o.field)) {
                    tx.moveOverride(o, into.id);
                }
            }
            from.mergedInto = into.id;
            tx.rebuild(from, cause);
            return tx.rebuild(into, cause).after();
        });
    }

    @Override
    public synchronized void keepApart(String ref, String otherRef) throws LiaisonException {
        write(false, em -> {
            Tx tx = new Tx(em, Instant.now());
            long a = resolve(em, ref).id;
            long b = resolve(em, otherRef).id;
            if (a == b) {
                throw new IllegalArgumentException("that is one team");
            }
            if (!keptApart(em).contains(List.of(Math.min(a, b), Math.max(a, b)))) {
                em.persist(new MatchDecisionEntity(tx.nextId(MatchDecisionEntity.class), a, b, tx.now));
            }
            return null;
        });
    }

    @Override
    public List<ConfiguredSource> configuredSources() throws LiaisonException {
        return store().read(em -> em.createQuery("SELECT s FROM SourceEntity s ORDER BY s.id", SourceEntity.class)
                .getResultList().stream()
                .map(s -> new ConfiguredSource(s.id, s.sourceId, s.location, s.keyPem, s.lastRun, s.lastResult)).toList());
    }

    @Override
    public synchronized ConfiguredSource addSource(String sourceId, String location, String key) throws LiaisonException {
        source(sourceId);
        String loc = location.strip();
        SourceInput.toUri(loc);
        return write(false, em -> {
            Tx tx = new Tx(em, Instant.now());
            boolean dup = em.createQuery("SELECT s FROM SourceEntity s WHERE s.sourceId = :id AND s.location = :loc", SourceEntity.class)
                    .setParameter("id", sourceId).setParameter("loc", loc).getResultList().size() > 0;
            if (dup) {
                throw new LiaisonException(sourceId + " " + loc + " is already configured");
            }
            SourceEntity s = new SourceEntity(tx.nextId(SourceEntity.class), sourceId, loc, key, tx.now);
            em.persist(s);
            return new ConfiguredSource(s.id, s.sourceId, s.location, s.keyPem, null, null);
        });
    }

    @Override
    public synchronized void removeSource(long id) throws LiaisonException {
        write(false, em -> {
            SourceEntity s = em.find(SourceEntity.class, id);
            if (s == null) {
                throw new IllegalArgumentException("no configured source " + id);
            }
            em.remove(s);
            return null;
        });
    }

    @Override
    public void export(String format, TeamFilter filter, Appendable out) throws LiaisonException, IOException {
        Exporter.Format f = Exporter.Format.fromId(format);
        Exporter.write(f, list(filter), out);
    }

    /** Finds a team by id or short name; see the interface for the rules. */
    private static TeamEntity resolve(EntityManager em, String ref) {
        String r = ref.strip();
        if (r.matches("\\d{1,18}")) {
            TeamEntity t = em.find(TeamEntity.class, Long.parseLong(r));
            if (t != null) {
                return t;
            }
        }
        List<TeamEntity> named = em.createQuery("SELECT t FROM TeamEntity t WHERE t.nameKey = :k ORDER BY t.id", TeamEntity.class)
                .setParameter("k", r.toLowerCase(Locale.ROOT)).getResultList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no team '" + ref + "' in the directory; 'liaison directory search " + ref + "' finds similar ones");
        }
        List<TeamEntity> active = named.stream().filter(t -> t.status.equals("active")).toList();
        if (active.size() == 1) {
            return active.get(0);
        }
        throw new IllegalArgumentException(named.size() + " teams are named '" + ref + "': "
                + String.join(", ", named.stream().map(t -> t.id + " (" + t.status + ")").toList()) + "; give the id");
    }
}
