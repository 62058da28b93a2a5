package liaison.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.ui.testing.TestWorkbench;

/**
 * Opens the real e4 workbench of the product on the X display (Xvfb in CI), waits until the Status
 * view is rendered with the Liaison services listed, and closes it again.
 */
class WorkbenchSmokeTest {

    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path data;

    record Seen(String windowTitle, boolean shellVisible, Object partObject, int rows) {
    }

    @Test
    void workbenchOpensWithTheStatusView() throws Exception {
        Display display = Display.getDefault();
        E4Workbench workbench = TestWorkbench.create(data);
        MApplication model = workbench.getApplication();

        AtomicReference<Seen> seen = new AtomicReference<>();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        Runnable probe = new Runnable() {
            @Override
            public void run() {
                EModelService models = model.getContext().get(EModelService.class);
                List<MPart> parts = models.findElements(model, StatusPart.ID, MPart.class);
                MWindow window = model.getChildren().isEmpty() ? null : model.getChildren().get(0);
                Object part = parts.isEmpty() ? null : parts.get(0).getObject();
                int rows = part instanceof StatusPart status ? status.rowCount() : 0;
                boolean visible = window != null && window.getWidget() instanceof Shell shell && shell.isVisible();
                if ((rows > 0 && visible) || System.currentTimeMillis() > deadline) {
                    seen.set(new Seen(window == null ? null : window.getLabel(), visible, part, rows));
                    workbench.close();
                } else {
                    display.timerExec(200, this);
                }
            }
        };
        display.timerExec(200, probe);
        workbench.createAndRunUI(model);

        Seen s = seen.get();
        assertNotNull(s, "the workbench ran its event loop");
        assertEquals("Liaison", s.windowTitle());
        assertTrue(s.shellVisible(), "the main window was shown");
        assertTrue(s.partObject() instanceof StatusPart, "the Status view was created: " + s.partObject());
        assertTrue(s.rows() >= 3, "the Status view lists the Liaison services: " + s.rows());
    }
}
