package liaison.drill.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.drill.ScenarioDescriptor;
import liaison.api.drill.ScenarioProvider;
import liaison.drill.DrillService;
import liaison.drill.GroundTruth;
import liaison.drill.Scoreboard;
import liaison.isolation.Extensions;
import liaison.report.ReportComposer;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;
import liaison.triage.Triage;

/** Scenarios from every provider (called through the extension isolation), packs, and scoring. */
@Component(service = DrillService.class)
public class DrillComponent implements DrillService {

    /** How long a provider may take to list its scenarios or write a pack. */
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(30);

    private final List<ScenarioProvider> providers = new CopyOnWriteArrayList<>();
    private final Scorer scorer;

    @Activate
    public DrillComponent(@Reference ReportComposer composer, @Reference Triage triage) {
        this.scorer = new Scorer(composer, triage);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ScenarioProvider provider) {
        providers.add(provider);
    }

    void removeProvider(ScenarioProvider provider) {
        providers.remove(provider);
    }

    @Override
    public List<ScenarioDescriptor> scenarios(Consumer<String> problems) {
        List<ScenarioDescriptor> out = new ArrayList<>();
        for (ScenarioProvider p : providers) {
            offered(p, problems).ifPresent(out::addAll);
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** What one provider offers, or empty when it failed (reported). */
    private static Optional<List<ScenarioDescriptor>> offered(ScenarioProvider p, Consumer<String> problems) {
        try {
            return Optional.of(Extensions.call(p, "scenario provider listing its scenarios", PROVIDER_TIMEOUT, p::scenarios));
        } catch (LiaisonException e) {
            problems.accept(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ScenarioPack open(String scenario, Path work) throws LiaisonException {
        Path given = Path.of(scenario);
        if (Files.isDirectory(given)) {
            return ScenarioPack.read(given.toAbsolutePath().normalize());
        }
        if (Files.isRegularFile(given) && scenario.endsWith(".zip")) {
            emptyDirectory(work);
            unzip(given, work);
            return ScenarioPack.read(packRoot(work));
        }
        List<String> problems = new ArrayList<>();
        for (ScenarioProvider p : providers) {
            List<ScenarioDescriptor> offered = offered(p, problems::add).orElse(List.of());
            if (offered.stream().anyMatch(s -> s.id().equals(scenario))) {
                emptyDirectory(work);
                Extensions.call(p, "scenario provider writing '" + scenario + "'", PROVIDER_TIMEOUT, () -> {
                    p.export(scenario, work);
                    return null;
                });
                return ScenarioPack.read(work);
            }
        }
        throw new LiaisonException("no scenario '" + scenario + "': neither an installed scenario (" + String.join(", ",
                scenarios(problems::add).stream().map(ScenarioDescriptor::id).toList()) + ") nor a pack directory or .zip"
                + (problems.isEmpty() ? "" : "; " + problems.get(0)));
    }

    @Override
    public GroundTruth truth(ScenarioPack pack) throws LiaisonException {
        return GroundTruth.read(pack);
    }

    @Override
    public Scoreboard score(ScenarioPack pack, SessionLog.Session session, Map<String, String> answers) throws LiaisonException {
        if (!pack.id().equals(session.scenario())) {
            throw new LiaisonException("the session log is of scenario '" + session.scenario() + "', not '" + pack.id() + "'");
        }
        return scorer.score(pack, GroundTruth.read(pack), session, answers);
    }

    /** A pack zip holds scenario.json at its root or in one top-level directory. */
    private static Path packRoot(Path dir) throws LiaisonException {
        if (Files.isRegularFile(dir.resolve(ScenarioPack.MANIFEST))) {
            return dir;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> inner = s.filter(p -> Files.isRegularFile(p.resolve(ScenarioPack.MANIFEST))).toList();
            if (inner.size() == 1) {
                return inner.get(0);
            }
        } catch (IOException e) {
            throw new LiaisonException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        throw new InputException(dir.toString(), 0, 0, "the zip holds no " + ScenarioPack.MANIFEST + " at its root or in one directory");
    }

    private static void unzip(Path zip, Path into) throws LiaisonException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new InputException(zip.toString(), 0, 0, "entry '" + e.getName() + "' would be written outside the pack");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            throw new InputException(zip.toString(), 0, 0, "not a readable zip: " + e.getMessage(), e);
        }
    }

    /** Makes {@code dir} an empty directory, deleting what an earlier run left there. */
    static void emptyDirectory(Path dir) throws LiaisonException {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LiaisonException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }
}
