package liaison.resolve.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.replay.RecordedCorpus;
import liaison.resolve.Resolution;
import liaison.resolve.Via;
import liaison.ui.testing.TestWorkbench;

/**
 * Opens the real workbench on the X display, shows the Lookup view contributed by the model fragment,
 * runs a lookup job against the corpus' replay servers and reads the ranked answers off the view.
 */
class LookupPartTest {

    private static final long TIMEOUT_MS = 90_000;

    @TempDir
    Path data;

    @Test
    void lookupViewRunsAJobAndShowsRankedContacts() throws Exception {
        try (RecordedCorpus corpus = RecordedCorpus.start(Path.of(System.getProperty("liaison.corpus")))) {
            Path endpoints = Files.writeString(data.resolve("endpoints.conf"), corpus.endpoints("rate=unlimited retries=0"));
            Display display = Display.getDefault();
            E4Workbench workbench = TestWorkbench.create(data.resolve("ws"));
            MApplication model = workbench.getApplication();
            AtomicReference<List<Resolution>> seen = new AtomicReference<>();
            AtomicReference<Job> job = new AtomicReference<>();
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable probe = new Runnable() {
                @Override
                public void run() {
                    boolean done = System.currentTimeMillis() > deadline;
                    LookupPart lookup = null;
                    try {
                        List<MPart> parts = model.getContext().get(EModelService.class).findElements(model, LookupPart.ID, MPart.class);
                        MWindow window = model.getChildren().isEmpty() ? null : model.getChildren().get(0);
                        if (!parts.isEmpty() && parts.get(0).getObject() == null && window != null && window.getContext() != null) {
                            window.getContext().get(EPartService.class).showPart(parts.get(0), EPartService.PartState.ACTIVATE);
                        }
                        lookup = !parts.isEmpty() && parts.get(0).getObject() instanceof LookupPart l ? l : null;
                        if (lookup != null && job.get() == null) {
                            job.set(lookup.lookup("62.239.237.1 210.107.73.73", Via.WHOIS, false, endpoints.toString()));
                        }
                        done |= lookup != null && lookup.resolutions().size() == 2;
                    } catch (RuntimeException e) {
                        failure.set(e);
                        done = true;
                    }
                    if (done) {
                        seen.set(lookup != null ? lookup.resolutions() : List.of());
                        workbench.close();
                    } else {
                        display.timerExec(200, this);
                    }
                }
            };
            display.timerExec(200, probe);
            workbench.createAndRunUI(model);

            if (failure.get() != null) {
                throw new AssertionError("probing the workbench failed", failure.get());
            }
            assertNotNull(job.get(), "the Lookup view was created and started a job");
            List<Resolution> results = seen.get();
            assertEquals(2, results.size(), "both lookups arrived in the view");
            Map<String, String> best = new HashMap<>();
            results.forEach(r -> best.put(r.query().text(), r.best().orElseThrow().email()));
            assertEquals("protect@bt.com", best.get("62.239.237.1"));
            assertEquals("hostmaster@nic.or.kr", best.get("210.107.73.73"));
            assertTrue(Files.readString(data.resolve("ws/resolve.properties")).contains("endpoints="),
                    "the endpoints file is remembered as a preference");
        }
    }
}
