package liaison.drill.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.drill.AutoTrainee;
import liaison.drill.DrillService;
import liaison.drill.Scoreboard;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import liaison.mail.ReplyTracker;
import liaison.mail.SendSummary;
import liaison.mail.SmtpTransport;
import liaison.directory.DirectoryService;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.Via;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;
import liaison.simnet.SimulatedInternet;
import liaison.store.Workspace;
import liaison.triage.ContactRouting;
import liaison.triage.Triage;

/** The automatic trainee of one workspace: the same services a handler uses, in the order ENISA's exercise asks. */
@Component(service = AutoTrainee.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class AutoTraineeComponent implements AutoTrainee {

    private final DrillService drill;
    private final Triage triage;
    private final ContactRouting routing;
    private final PgpService pgp;
    private final Outbox outbox;
    private final ReplyTracker tracker;
    private final DirectoryService directory;

    @Activate
    public AutoTraineeComponent(@Reference DrillService drill, @Reference Triage triage, @Reference ContactRouting routing,
            @Reference PgpService pgp, @Reference Outbox outbox, @Reference ReplyTracker tracker, @Reference DirectoryService directory) {
        this.drill = drill;
        this.triage = triage;
        this.routing = routing;
        this.pgp = pgp;
        this.outbox = outbox;
        this.tracker = tracker;
        this.directory = directory;
    }

    @Override
    public Scoreboard play(SimulatedInternet internet, Duration wait, Listener listener) throws LiaisonException {
        ScenarioPack pack = internet.pack();
        long queued = outbox.entries().stream().filter(e -> e.state() == OutboxEntry.State.QUEUED || e.state() == OutboxEntry.State.UNCERTAIN)
                .count();
        if (queued > 0) {
            throw new LiaisonException("this workspace's outbox holds " + queued + " report(s) not sent yet; the automatic trainee "
                    + "sends through the outbox and would send them into the simulation: use a fresh workspace");
        }
        ScenarioPack.Trainee t = pack.trainee();
        KeyInfo key = pgp.ownKey().isPresent() ? pgp.ownKey().get() : pgp.generate(t.team(), t.email(), null);
        Reporter reporter = new Reporter(t.team(), t.name(), t.email(), null, key.fingerprint());

        if (pack.directory() != null) {
            listener.step("importing the scenario's directory snapshot (" + pack.directory().getFileName() + ")");
            directory.importFrom("ti", pack.directory().toString(), false, DirectorySource.ProgressListener.NONE);
        }
        listener.step("triaging " + pack.logs().size() + " logs");
        Triage.Result found = triage.analyse(pack.logs(), null, pack.logZone(), (p, d, total) -> { });
        listener.triaged(found);

        listener.step("finding who to tell, through the simulated registries");
        LookupOptions lookup = new LookupOptions(Via.AUTO, false, Endpoints.load(internet.endpointsFile()), internet.bootstrapDirectory(),
                Duration.ofSeconds(30), null);
        List<ContactRouting.Routed> routed = routing.route(found.findings(), lookup, listener::routed);

        listener.step("composing signed reports");
        ContactRouting.Drafts drafts = routing.draft(routed, new ComposeOptions("text", GroupBy.CONTACT, true, false, false, Tlp.AMBER,
                reporter, null, 0), null);
        for (ComposedReport c : drafts.reports()) {
            outbox.enqueue(c.message());
            listener.drafted(c);
        }
        listener.step("sending " + drafts.reports().size() + " reports to the simulated mail server");
        SendSummary sent;
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(internet.smtpUrl()))) {
            sent = outbox.send(smtp, false);
        }
        listener.sent(sent);

        listener.step("waiting for the recipients' answers");
        try {
            internet.awaitReplies(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted while waiting for answers", e);
        }
        listener.fetched(tracker.fetch(MailServer.parse(internet.imapUrl())));

        Map<String, String> answers = new LinkedHashMap<>();
        routed.stream().filter(r -> r.email() != null).forEach(r -> answers.put(r.resource().text(), r.email()));
        return drill.score(pack, new SessionLog.Session(pack.id(), internet.started(), internet.events()), answers);
    }
}
