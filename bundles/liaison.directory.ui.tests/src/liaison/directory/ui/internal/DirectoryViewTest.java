package liaison.directory.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.store.Workspaces;
import liaison.ui.testing.TestWorkbench;

/**
 * The Directory view and the team editor in the real workbench (on Xvfb in CI), over a workspace
 * holding the Trusted Introducer sample.
 */
class DirectoryViewTest {

    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path data;

    /** What the test saw, collected on the UI thread. */
    private final List<String> seen = new ArrayList<>();

    @Test
    void directoryViewListsFiltersAndEditsTeams() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(DirectoryViewTest.class).getBundleContext();
        Workspaces.select(bc, data, Duration.ofSeconds(30));
        Path corpus = Path.of(System.getProperty("liaison.corpus", "missing"), "intelmq/trusted_introducer_lookup/test_data/teams.json");
        assertTrue(Files.isRegularFile(corpus), corpus + " (build with -Dliaison.shared=DIR)");
        try (Directories directories = new Directories()) {
            directories.await(Duration.ofSeconds(30)).importFrom("ti", corpus.toString(), false, ProgressListener.NONE);
        }

        Display display = Display.getDefault();
        E4Workbench workbench = TestWorkbench.create(data);
        MApplication model = workbench.getApplication();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        display.timerExec(200, new Runnable() {
            @Override
            public void run() {
                EPartService parts = model.getChildren().get(0).getContext().get(EPartService.class);
                MPart view = parts == null ? null : parts.showPart(DirectoryPart.ID, EPartService.PartState.ACTIVATE);
                if (view != null && view.getObject() instanceof DirectoryPart directory) {
                    exercise(directory);
                    workbench.close();
                } else if (System.currentTimeMillis() > deadline) {
                    seen.add("no Directory view within " + TIMEOUT_MS + " ms");
                    workbench.close();
                } else {
                    display.timerExec(200, this);
                }
            }
        });
        workbench.createAndRunUI(model);

        assertEquals(List.of("all: ACN IBE CSIRT, ACOnet-CERT, AEC, CERT.at", "certified: AEC, CERT.at",
                "103.1.4.7: ACOnet-CERT", "editor: CERT.at team@cert.at from ti",
                "after override: coordination@cert.example, revisions 2"), seen);
        try (Directories directories = new Directories()) {
            DirectoryService d = directories.service();
            assertEquals(List.of("coordination@cert.example"), d.team("CERT.at").emails(), "the editor's override is stored");
        }
    }

    /** Drives the view and the editor as a coordinator would; runs on the UI thread. */
    private void exercise(DirectoryPart directory) {
        seen.add("all: " + names(directory.shown()));
        directory.filter(null, null, "certified", false);
        seen.add("certified: " + names(directory.shown()));
        directory.filter("103.1.4.7", null, null, false);
        seen.add("103.1.4.7: " + names(directory.shown()));
        directory.filter(null, "AT", null, false);
        DirectoryTeam cert = directory.shown().stream().filter(t -> t.shortName().equals("CERT.at")).findFirst().orElseThrow();
        MPart editorPart = directory.openTeam(cert);
        assertNotNull(editorPart.getObject(), "the team editor was created");
        TeamEditorPart editor = (TeamEditorPart) editorPart.getObject();
        DirectoryTeam.Value email = editor.shownValues().stream().filter(v -> v.field() == Field.EMAIL).findFirst().orElseThrow();
        seen.add("editor: " + editorPart.getLabel() + " " + email.value() + " from " + email.origins().get(0).source());
        editor.override(Field.EMAIL, "coordination@cert.example");
        String emails = String.join(", ", editor.shownValues().stream().filter(v -> v.field() == Field.EMAIL)
                .map(DirectoryTeam.Value::value).toList());
        seen.add("after override: " + emails + ", revisions " + editor.revisionCount());
    }

    private static String names(List<DirectoryTeam> teams) {
        return String.join(", ", teams.stream().map(DirectoryTeam::shortName).toList());
    }
}
