package liaison.plugins.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.plugins.PluginManager;

/**
 * p2 on the running installation (profile {@code _SELF_}): the same mechanism the Eclipse IDE uses to
 * install software, so installed features are verified, their dependencies resolved, and removal is
 * clean. Dropins would need none of this, but would install unresolvable bundles silently.
 */
@Component
public class P2PluginManager implements PluginManager {

    private static final String GROUP = ".feature.group";
    /** Feature ids of Liaison itself; third parties use their own namespaces. */
    private static final String OWN_PREFIX = "liaison.";

    @Reference
    private IProvisioningAgentProvider agentProvider;

    private IProvisioningAgent agent() throws LiaisonException {
        try {
            // null: the agent of the running installation, found through eclipse.p2.data.area.
            return agentProvider.createAgent(null);
        } catch (ProvisionException e) {
            throw new LiaisonException("cannot open this installation's p2 data: " + e.getMessage(), e);
        }
    }

    private static IProfile profile(IProvisioningAgent agent) throws LiaisonException {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw new LiaisonException("this Liaison is not a p2-managed installation (no profile); plugins can only be "
                    + "installed into a product built by the Liaison build");
        }
        return profile;
    }

    @Override
    public List<InstalledFeature> list() throws LiaisonException {
        IProvisioningAgent agent = agent();
        try {
            return features(profile(agent));
        } finally {
            agent.stop();
        }
    }

    private static List<InstalledFeature> features(IProfile profile) {
        List<InstalledFeature> out = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(QueryUtil.createIUGroupQuery(), null)) {
            if (!iu.getId().endsWith(GROUP)) {
                continue;
            }
            String id = iu.getId().substring(0, iu.getId().length() - GROUP.length());
            String name = iu.getProperty(IInstallableUnit.PROP_NAME, null);
            out.add(new InstalledFeature(id, iu.getVersion().toString(), name == null ? id : name, id.startsWith(OWN_PREFIX)));
        }
        out.sort(Comparator.comparing(InstalledFeature::builtIn).reversed().thenComparing(InstalledFeature::id));
        return out;
    }

    @Override
    public List<InstalledFeature> install(URI repository, List<String> featureIds, Consumer<String> progress) throws LiaisonException {
        IProvisioningAgent agent = agent();
        try {
            IProfile profile = profile(agent);
            IProgressMonitor monitor = new NullProgressMonitor();
            IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
            IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
            IMetadataRepository repo;
            try {
                progress.accept("reading " + repository);
                repo = metadata.loadRepository(repository, monitor);
                artifacts.loadRepository(repository, monitor);
            } catch (ProvisionException | OperationCanceledException e) {
                throw new LiaisonException("cannot read the p2 repository " + repository + ": " + e.getMessage(), e);
            }
            Set<IInstallableUnit> toInstall = new HashSet<>();
            for (String feature : featureIds) {
                String id = feature.endsWith(GROUP) ? feature : feature + GROUP;
                IQueryResult<IInstallableUnit> found = repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), monitor);
                if (found.isEmpty()) {
                    throw new LiaisonException("feature '" + feature + "' is not in " + repository);
                }
                toInstall.addAll(found.toUnmodifiableSet());
            }
            InstallOperation op = new InstallOperation(new ProvisioningSession(agent), toInstall);
            op.setProfileId(profile.getProfileId());
            progress.accept("resolving " + String.join(", ", featureIds));
            check(op.resolveModal(monitor), "cannot install " + String.join(", ", featureIds));
            ProvisioningJob job = op.getProvisioningJob(monitor);
            progress.accept("installing");
            check(job.runModal(monitor), "installing " + String.join(", ", featureIds) + " failed");
            return features(profile(agent));
        } finally {
            agent.stop();
        }
    }

    @Override
    public List<InstalledFeature> remove(List<String> featureIds, Consumer<String> progress) throws LiaisonException {
        IProvisioningAgent agent = agent();
        try {
            IProfile profile = profile(agent);
            IProgressMonitor monitor = new NullProgressMonitor();
            Set<IInstallableUnit> toRemove = new HashSet<>();
            for (String feature : featureIds) {
                String id = feature.endsWith(GROUP) ? feature.substring(0, feature.length() - GROUP.length()) : feature;
                if (id.startsWith(OWN_PREFIX)) {
                    throw new LiaisonException("'" + id + "' is part of Liaison and cannot be removed");
                }
                IQueryResult<IInstallableUnit> found = profile.query(QueryUtil.createIUQuery(id + GROUP), monitor);
                if (found.isEmpty()) {
                    throw new LiaisonException("feature '" + id + "' is not installed");
                }
                toRemove.addAll(found.toUnmodifiableSet());
            }
            UninstallOperation op = new UninstallOperation(new ProvisioningSession(agent), toRemove);
            op.setProfileId(profile.getProfileId());
            progress.accept("resolving removal of " + String.join(", ", featureIds));
            check(op.resolveModal(monitor), "cannot remove " + String.join(", ", featureIds));
            progress.accept("removing");
            check(op.getProvisioningJob(monitor).runModal(monitor), "removing " + String.join(", ", featureIds) + " failed");
            return features(profile(agent));
        } finally {
            agent.stop();
        }
    }

    /** Turns a p2 status into an exception naming what p2 found wrong (the first leaf problems). */
    private static void check(IStatus status, String what) throws LiaisonException {
        if (status.getSeverity() < IStatus.ERROR) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        collect(status, reasons);
        throw new LiaisonException(what + ": " + String.join("; ", reasons.subList(0, Math.min(3, reasons.size()))));
    }

    private static void collect(IStatus status, List<String> out) {
        if (status.isMultiStatus() && status.getChildren().length > 0) {
            for (IStatus child : status.getChildren()) {
                collect(child, out);
            }
        } else if (status.getSeverity() >= IStatus.ERROR && status.getMessage() != null) {
            out.add(status.getMessage());
        }
    }
}
