package liaison.drill.ui.internal;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import liaison.api.LiaisonException;
import liaison.store.Workspace;
import liaison.store.Workspaces;

/** The services the Drill view is a view of. */
final class Services {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Services() {
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(Services.class).getBundleContext();
    }

    /** A service, waiting briefly for DS to provide it. */
    static <T> T service(Class<T> type) throws LiaisonException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T s = tracker.waitForService(WAIT.toMillis());
            if (s == null) {
                throw new LiaisonException(type.getSimpleName() + " is not available; the Status view shows why");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted", e);
        } finally {
            tracker.close();
        }
    }

    /** The service of the workspace the workbench selected. */
    static <T> T workspaceService(Class<T> type) throws LiaisonException {
        String path = service(Workspace.class).root().toString();
        try {
            return Workspaces.await(context(), type, path, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted", e);
        }
    }
}
