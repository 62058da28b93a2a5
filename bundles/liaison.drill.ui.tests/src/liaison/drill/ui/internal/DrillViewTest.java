package liaison.drill.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import liaison.ui.testing.TestWorkbench;

/**
 * The real workbench on the X display: the Drill view starts the built-in scenario's simulated
 * Internet, lists its servers and the trainee's tasks, scores a report that reaches a simulated
 * recipient and charts the answer, and stops the servers.
 */
class DrillViewTest {

    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    Path data;

    @Test
    void startsScoresChartsAndStops() throws Exception {
        Display display = Display.getDefault();
        E4Workbench workbench = TestWorkbench.create(data.resolve("ws"));
        MApplication model = workbench.getApplication();
        AtomicReference<DrillPart.Shown> started = new AtomicReference<>();
        AtomicReference<DrillPart.Shown> scored = new AtomicReference<>();
        AtomicReference<DrillPart.Shown> stopped = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> menuItem = new AtomicReference<>();
        AtomicReference<String> perspective = new AtomicReference<>();
        AtomicReference<String> partPerspective = new AtomicReference<>();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        display.timerExec(500, new Runnable() {
            DrillPart drill;
            boolean reported;

            @Override
            public void run() {
                try {
                    probe();
                } catch (Exception | AssertionError e) {
                    failure.set(e);
                    workbench.close();
                }
            }

            private void probe() throws Exception {
                var window = model.getChildren().isEmpty() ? null : model.getChildren().get(0);
                EPartService parts = window == null || window.getContext() == null ? null : window.getContext().get(EPartService.class);
                if (drill == null && parts != null) {
                    // Window ▸ Drill perspective, as a trainer chooses it
                    EModelService models = window.getContext().get(EModelService.class);
                    menuItem.set(models.find("liaison.drill.ui.menuitem.perspective", window.getMainMenu()) != null);
                    ECommandService commands = window.getContext().get(ECommandService.class);
                    window.getContext().get(EHandlerService.class).executeHandler(commands.createCommand("liaison.ui.command.perspective",
                            Map.of("liaison.ui.perspective.id", "liaison.drill.ui.perspective")));
                    perspective.set(models.getActivePerspective(window).getElementId());
                    MPart part = parts.showPart("liaison.drill.ui.part.drill", EPartService.PartState.ACTIVATE);
                    partPerspective.set(models.getPerspectiveFor(part).getElementId());
                    drill = (DrillPart) part.getObject();
                    drill.start();
                } else if (drill != null && started.get() == null && drill.running() != null && !drill.shown().endpoints().isEmpty()) {
                    started.set(drill.shown());
                } else if (started.get() != null && !reported) {
                    report(drill.running().smtpUrl());
                    reported = true;
                } else if (reported && scored.get() == null && drill.shown().reported() == 1 && !drill.shown().chartMinutes().isEmpty()) {
                    scored.set(drill.shown());
                    drill.stop();
                    stopped.set(drill.shown());
                }
                if (stopped.get() != null || System.currentTimeMillis() > deadline) {
                    workbench.close();
                } else {
                    display.timerExec(200, this);
                }
            }
        });
        workbench.createAndRunUI(model);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(Boolean.TRUE, menuItem.get(), "Window ▸ Drill perspective");
        assertEquals("liaison.drill.ui.perspective", perspective.get(), "the menu's command switched the perspective");
        assertEquals("liaison.drill.ui.perspective", partPerspective.get(), "the Drill view lives in the Drill perspective");
        DrillPart.Shown s = started.get();
        assertNotNull(s, "the simulated Internet started");
        assertTrue(s.endpoints().get(0).matches("whois whois\\.ripe\\.net 127\\.0\\.0\\.1:\\d+"), s.endpoints().toString());
        assertTrue(s.endpoints().stream().anyMatch(l -> l.startsWith("smtp 127.0.0.1:")), s.endpoints().toString());
        assertEquals(13, s.tasks(), "the trainee's task list: one row per attacking source");
        assertEquals(0, s.reported());
        assertEquals(0, s.reachTeams(), "no reachability round in a fresh workspace");

        DrillPart.Shown after = scored.get();
        assertNotNull(after, "the report was scored");
        assertEquals(1, after.correct(), "the report went to the right team");
        assertEquals(0L, after.chartMinutes().get(0), "NordNet CERT's automatic reply comes at once");
        assertTrue(stopped.get().status().startsWith("stopped"), stopped.get().status());
    }

    /** A trainee's report about 192.0.2.10 to the team the ground truth expects. */
    private static void report(String smtp) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.util.MailStreamProvider.class.getClassLoader());
        try {
            String hostPort = smtp.substring("smtp://".length(), smtp.indexOf('?'));
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", hostPort.substring(hostPort.indexOf(':') + 1));
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("handler@cert-trainee.example"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("irt@nordnet-cert.example"));
            m.setSubject("SSH brute force from 192.0.2.10");
            m.setText("Dear NordNet CERT,\n\nplease stop the brute force from 192.0.2.10.\n\n"
                    + "2026-11-20T03:12:03+01:00 gw1 sshd[20311]: Failed password for invalid user admin from 192.0.2.10 port 50122 ssh2\n");
            Transport.send(m);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
