package liaison.ui.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

import liaison.store.StoreException;
import liaison.store.Workspaces;

/**
 * Selects the workspace before any view needs it: {@code liaison-gui --data DIR}, else the default.
 * A failure is logged and shown by the Status view instead of stopping the workbench.
 */
public class LifeCycle {

    private static final Logger LOG = Logger.getLogger(LifeCycle.class.getName());

    @PostContextCreate
    void selectWorkspace(IEclipseContext context) {
        IApplicationContext app = context.get(IApplicationContext.class);
        String[] args = app == null ? new String[0] : (String[]) app.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Path dir = Workspaces.defaultDirectory();
        for (int i = 0; args != null && i < args.length; i++) {
            if ("--data".equals(args[i]) && i + 1 < args.length) {
                dir = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data=")) {
                dir = Path.of(args[i].substring("--data=".length()));
            }
        }
        try {
            Workspaces.select(FrameworkUtil.getBundle(LifeCycle.class).getBundleContext(), dir, Duration.ofSeconds(15));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, e.getMessage(), e);
        }
    }
}
