package liaison.ui.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;

/**
 * The product's workbench as the launcher would create it (Liaison's application model, life cycle
 * and branding, no persisted state) on the default display, for tests that drive the real views.
 */
public final class TestWorkbench {

    private TestWorkbench() {
    }

    /**
     * Creates the workbench for a workspace; the caller runs it with
     * {@code workbench.createAndRunUI(workbench.getApplication())} and closes it from a
     * {@code display.timerExec} probe.
     */
    public static E4Workbench create(Path workspace) {
        return new E4Application().createE4Workbench(new Context("--data", workspace.toString()), Display.getDefault());
    }

    /** The application context the launcher would give: our arguments and the product's branding. */
    private record Context(String... args) implements IApplicationContext {

        @Override
        public Map<String, Object> getArguments() {
            Map<String, Object> m = new HashMap<>();
            String[] all = new String[] { "-applicationXMI", "liaison.ui/Application.e4xmi", "-lifeCycleURI",
                    "bundleclass://liaison.ui/liaison.ui.internal.LifeCycle", "-clearPersistedState", "-persistState", "false" };
            String[] withOurs = java.util.Arrays.copyOf(all, all.length + args.length);
            System.arraycopy(args, 0, withOurs, all.length, args.length);
            m.put(IApplicationContext.APPLICATION_ARGS, withOurs);
            return m;
        }

        @Override
        public void applicationRunning() {
            // nothing to report: no splash screen in tests
        }

        @Override
        public String getBrandingApplication() {
            return "org.eclipse.e4.ui.workbench.swt.E4Application";
        }

        @Override
        public String getBrandingName() {
            return "Liaison";
        }

        @Override
        public String getBrandingDescription() {
            return null;
        }

        @Override
        public String getBrandingId() {
            return "liaison.ui.product";
        }

        @Override
        public String getBrandingProperty(String key) {
            return null;
        }

        @Override
        public Bundle getBrandingBundle() {
            return null;
        }

        @Override
        public void setResult(Object result, IApplication application) {
            // the tests read their results from the views, not from the application
        }
    }
}
