package liaison.report.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.ui.testing.TestWorkbench;

/**
 * The real workbench on the X display: the model fragment puts the Reports, Outbox and Replies views
 * into the main stack; the composer reads events, lists reports, previews the selected one and shows
 * the linter's findings, and follows a change of format.
 */
class ReportViewsTest {

    private static final long TIMEOUT_MS = 90_000;

    @TempDir
    Path data;

    @Test
    void composerPreviewsAndLintsReportsFromEvents() throws Exception {
        Path events = Files.writeString(data.resolve("events.jsonl"), """
                {"time.source": "2026-11-20T10:15:02+01:00", "source.ip": "192.0.2.10", "source.port": 51022, "protocol.transport": "tcp", "classification.taxonomy": "intrusion-attempts", "classification.type": "brute-force", "source.abuse_contact": "abuse@net-a.example", "raw": "c3NoZCBmYWlsZWQ="}
                {"time.source": "2026-11-20T09:05:00", "source.ip": "203.0.113.8", "protocol.transport": "tcp", "classification.taxonomy": "information-gathering", "classification.type": "scanner", "source.abuse_contact": "abuse@net-b.example"}
                """);
        Display display = Display.getDefault();
        E4Workbench workbench = TestWorkbench.create(data.resolve("ws"));
        MApplication model = workbench.getApplication();

        AtomicReference<ComposerPart.Shown> text = new AtomicReference<>();
        AtomicReference<ComposerPart.Shown> scan = new AtomicReference<>();
        AtomicReference<ComposerPart.Shown> xarf = new AtomicReference<>();
        AtomicReference<List<String>> views = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        display.timerExec(500, new Runnable() {
            ComposerPart composer;

            @Override
            public void run() {
                try {
                    probe();
                } catch (RuntimeException e) {
                    failure.set(e);
                    workbench.close();
                }
            }

            private void probe() {
                var window = model.getChildren().isEmpty() ? null : model.getChildren().get(0);
                EPartService parts = window == null || window.getContext() == null ? null : window.getContext().get(EPartService.class);
                if (composer == null && parts != null) {
                    views.set(parts.getParts().stream().map(MPart::getElementId).filter(id -> id.startsWith("liaison.report.ui")).toList());
                    MPart part = parts.showPart("liaison.report.ui.part.composer", EPartService.PartState.ACTIVATE);
                    composer = (ComposerPart) part.getObject();
                    composer.open(events);
                } else if (composer != null) {
                    ComposerPart.Shown s = composer.shown();
                    if (text.get() == null && s.reports() == 2 && s.preview().startsWith("Subject")) {
                        text.set(s);
                        composer.select(1);
                        scan.set(composer.shown());
                        composer.selectFormat("xarf");
                    } else if (text.get() != null && s.preview().contains("application/json")) {
                        xarf.set(s);
                    }
                }
                if (xarf.get() != null || System.currentTimeMillis() > deadline) {
                    workbench.close();
                } else {
                    display.timerExec(200, this);
                }
            }
        });
        workbench.createAndRunUI(model);
        if (failure.get() != null) {
            throw failure.get();
        }

        assertEquals(List.of("liaison.report.ui.part.composer", "liaison.report.ui.part.outbox", "liaison.report.ui.part.replies"),
                views.get(), "the fragment adds three views to the main stack");
        ComposerPart.Shown s = text.get();
        assertNotNull(s, "the composer listed the reports");
        assertTrue(s.preview().startsWith("Subject: [LIA-"), s.preview());
        assertTrue(s.preview().contains("sshd failed"), s.preview());
        assertTrue(s.status().startsWith("2 report(s)"), s.status());
        assertEquals(List.of(), s.findings(), "the complete, signed brute-force report has nothing to lint");
        assertEquals(List.of("no-timezone", "no-raw-evidence"), scan.get().findings(), "lint markers of the scan report");
        assertNotNull(xarf.get(), "the preview follows the format");
        assertTrue(xarf.get().preview().contains("\"xarf_version\""), xarf.get().preview());
    }
}
