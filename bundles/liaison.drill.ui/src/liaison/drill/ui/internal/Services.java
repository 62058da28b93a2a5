package liaison.drill.ui.internal;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import liaison.api.LiaisonException;
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
        return Workspaces.service(context(), type, WAIT);
    }

    /** The service of the workspace the workbench selected. */
    static <T> T workspaceService(Class<T> type) throws LiaisonException {
        return Workspaces.ofSelected(context(), type, WAIT);
    }
}
