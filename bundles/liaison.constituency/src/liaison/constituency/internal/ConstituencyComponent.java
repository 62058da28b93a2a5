package liaison.constituency.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import liaison.api.LiaisonException;
import liaison.api.directory.TeamConstituencies;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.LoadReport;

/**
 * The constituency service. The peer directory is optional: when a {@link TeamConstituencies} service
 * is registered, {@link #directory()} offers it for loading.
 */
@Component(service = ConstituencyService.class)
public class ConstituencyComponent implements ConstituencyService {

    /** Loads of one JVM into one directory run one at a time; the file lock covers other processes. */
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TeamConstituencies directory;

    @Override
    public LoadReport load(Path directory, List<Path> files, LoadOptions options, LoadProgress progress) throws LiaisonException {
        return locked(directory, files.stream().<Loader.Input>map(Loader.FileInput::new).toList(), options, progress);
    }

    @Override
    public LoadReport loadTeams(Path directory, TeamConstituencies teams, LoadProgress progress) throws LiaisonException {
        return locked(directory, List.of(new Loader.TeamInput(teams)), LoadOptions.STRICT, progress);
    }

    private LoadReport locked(Path directory, List<Loader.Input> inputs, LoadOptions options, LoadProgress progress)
            throws LiaisonException {
        Path dir = directory.toAbsolutePath().normalize();
        ReentrantLock lock = locks.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lock();
        try {
            return Loader.load(dir, inputs, options, progress);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<TeamConstituencies> directory() {
        return Optional.ofNullable(directory);
    }

    @Override
    public ConstituencyIndex open(Path directory) throws LiaisonException {
        return new IndexHandle(directory.toAbsolutePath().normalize());
    }
}
