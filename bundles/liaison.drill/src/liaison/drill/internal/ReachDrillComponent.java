package liaison.drill.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import liaison.api.LiaisonException;
import liaison.api.report.IncidentType;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.api.transport.Transport;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.TeamFilter;
import liaison.drill.ReachDrill;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import liaison.mail.Reply;
import liaison.mail.ReplyKind;
import liaison.mail.ReplyTracker;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.report.ReportComposer;
import liaison.store.Database;
import liaison.store.StoreException;
import liaison.store.Transactions;
import liaison.store.Workspace;

/** Reachability drills of one workspace: challenges through the composer and the outbox, results in the store. */
@Component(service = ReachDrill.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ReachDrillComponent implements ReachDrill {

    private static final String SCHEDULE = "drill.reach.schedule";
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final DirectoryService directory;
    private final ReportComposer composer;
    private final Outbox outbox;
    private final ReplyTracker tracker;
    private final SecureRandom random = new SecureRandom();
    private EntityManagerFactory emf;

    @Activate
    public ReachDrillComponent(@Reference Database database, @Reference DirectoryService directory, @Reference ReportComposer composer,
            @Reference Outbox outbox, @Reference ReplyTracker tracker) {
        this.database = database;
        this.directory = directory;
        this.composer = composer;
        this.outbox = outbox;
        this.tracker = tracker;
    }

    private synchronized EntityManagerFactory emf() throws StoreException {
        if (emf == null) {
            emf = database.open(new DrillSchema(), ReachDrillComponent.class.getClassLoader());
        }
        return emf;
    }

    @Deactivate
    synchronized void close() {
        if (emf != null) {
            emf.close();
            emf = null;
        }
    }

    private <T> T inTransaction(String what, Function<EntityManager, T> work) throws LiaisonException {
        return Transactions.run(emf(), "reachability drill: cannot " + what, false, work::apply);
    }

    @Override
    public synchronized Round start(TeamFilter filter, List<String> names, String filterText, Duration deadline, Reporter reporter,
            Transport transport) throws LiaisonException {
        List<DirectoryTeam> teams = directory.list(filter).stream().filter(t -> names.isEmpty()
                || names.stream().anyMatch(n -> n.equalsIgnoreCase(t.shortName()))).toList();
        if (teams.isEmpty()) {
            throw new LiaisonException("no team of the directory matches " + filterText);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plus(deadline);
        String roundId = now.toString();
        ComposeOptions options = new ComposeOptions(ChallengeFormat.ID, GroupBy.CONTACT, true, false, false, Tlp.GREEN, reporter, null, 0);
        List<ReachTargetRecord> targets = new ArrayList<>();
        for (DirectoryTeam t : teams) {
            String token = token(now);
            if (t.emails().isEmpty()) {
                targets.add(new ReachTargetRecord(token, roundId, t.shortName(), null, Status.NOT_SENT, "the directory has no e-mail address"));
                continue;
            }
            String address = t.emails().get(0);
            Report challenge = new Report(token, reporter, List.of(address), new IncidentType("test", "test"), description(t, reporter, address),
                    List.of(), List.of(), "Please reply to this message by " + UTC.format(due) + ", keeping " + token + " in the subject. "
                            + "A short answer from a person is enough; automatic acknowledgements are recorded but do not count.",
                    Tlp.GREEN, now);
            ComposedReport c = composer.compose(challenge, options);
            outbox.enqueue(c.message());
            ReachTargetRecord r = new ReachTargetRecord(token, roundId, t.shortName(), address, Status.PENDING, null);
            r.messageId = c.message().messageId();
            targets.add(r);
        }
        inTransaction("record the round", em -> {
            em.persist(new ReachRoundRecord(roundId, now, due, filterText));
            targets.forEach(em::persist);
            return null;
        });
        outbox.send(transport, false);
        update(Instant.now());
        return round(roundId);
    }

    private static String description(DirectoryTeam t, Reporter reporter, String address) {
        return "Dear colleagues of " + t.shortName() + ",\n\n"
                + "this is a reachability check by " + reporter.team() + ", as peer teams run them (TF-CSIRT, Trusted Introducer):"
                + " we confirm that incident reports sent to " + address + " reach people who act on them. No incident is"
                + " involved.";
    }

    /** A ticket id in the reports' form ({@code REACH-20261122-K7Q2MX}), so reply tracking finds it in subjects. */
    private String token(Instant now) {
        StringBuilder s = new StringBuilder("REACH-").append(LocalDate.ofInstant(now, ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE))
                .append('-');
        int bits = random.nextInt(1 << 30);
        for (int i = 0; i < 6; i++) {
            s.append(CROCKFORD[bits & 31]);
            bits >>>= 5;
        }
        return s.toString();
    }

    @Override
    public synchronized List<Round> collect(MailServer imap) throws LiaisonException {
        tracker.fetch(imap);
        return update(Instant.now());
    }

    @Override
    public synchronized List<Round> history() throws LiaisonException {
        update(Instant.now());
        return rounds();
    }

    /** Brings open targets up to date with the outbox and the recorded answers; returns the rounds changed. */
    private List<Round> update(Instant now) throws LiaisonException {
        Map<String, OutboxEntry> sent = outbox.entries().stream().collect(Collectors.toMap(OutboxEntry::ticketId, e -> e, (a, b) -> a));
        Map<String, List<Reply>> answers = outbox.replies().stream().sorted(Comparator.comparing(Reply::receivedAt))
                .collect(Collectors.groupingBy(Reply::ticketId));
        List<String> changed = inTransaction("update the rounds", em -> {
            List<String> rounds = new ArrayList<>();
            List<ReachRoundRecord> open = em.createQuery("SELECT r FROM ReachRoundRecord r", ReachRoundRecord.class).getResultList();
            for (ReachRoundRecord round : open) {
                List<ReachTargetRecord> targets = em.createQuery("SELECT t FROM ReachTargetRecord t WHERE t.roundId = :id", ReachTargetRecord.class)
                        .setParameter("id", round.id).getResultList();
                boolean touched = false;
                for (ReachTargetRecord t : targets) {
                    touched |= advance(t, sent.get(t.token), answers.getOrDefault(t.token, List.of()), round.deadline, now);
                }
                if (touched) {
                    rounds.add(round.id);
                }
            }
            return rounds;
        });
        List<Round> out = new ArrayList<>();
        for (String id : changed) {
            out.add(round(id));
        }
        return out;
    }

    /** Moves one target on; true when it changed. */
    private static boolean advance(ReachTargetRecord t, OutboxEntry entry, List<Reply> replies, Instant deadline, Instant now) {
        Status before = t.status();
        if (before != Status.PENDING && before != Status.AUTO_ONLY) {
            return false;
        }
        boolean sentNow = false;
        if (entry != null && t.sentAt == null) {
            if (entry.state() == OutboxEntry.State.SENT) {
                t.sentAt = entry.sentAt();
                sentNow = true;
            } else if (entry.state() == OutboxEntry.State.FAILED) {
                t.status = Status.NOT_SENT.name();
                t.note("the mail server refused it: " + entry.lastError());
                return true;
            }
        }
        Optional<Reply> human = replies.stream().filter(r -> r.kind() == ReplyKind.HUMAN).findFirst();
        Optional<Reply> bounce = replies.stream().filter(r -> r.kind() == ReplyKind.BOUNCE).findFirst();
        Optional<Reply> auto = replies.stream().filter(r -> r.kind() == ReplyKind.AUTO_REPLY).findFirst();
        if (human.isPresent()) {
            t.status = Status.RESPONDED.name();
            t.answeredAt = human.get().receivedAt();
            t.note("answered by " + human.get().from());
        } else if (bounce.isPresent()) {
            t.status = Status.BOUNCED.name();
            t.answeredAt = bounce.get().receivedAt();
            t.note("bounced: " + bounce.get().subject());
        } else if (now.isAfter(deadline)) {
            t.status = Status.UNRESPONSIVE.name();
            t.note(auto.isPresent() ? "only an automatic reply (" + auto.get().receivedAt() + ") by the deadline" : "no answer by the deadline");
        } else if (auto.isPresent()) {
            t.status = Status.AUTO_ONLY.name();
            t.note("automatic reply at " + auto.get().receivedAt() + "; waiting for a person");
        }
        return sentNow || t.status() != before;
    }

    private Round round(String id) throws LiaisonException {
        return inTransaction("read round " + id, em -> {
            ReachRoundRecord r = em.find(ReachRoundRecord.class, id);
            List<Target> targets = em.createQuery("SELECT t FROM ReachTargetRecord t WHERE t.roundId = :id ORDER BY t.team",
                    ReachTargetRecord.class).setParameter("id", id).getResultList().stream().map(ReachTargetRecord::target).toList();
            return new Round(r.id, r.started, r.deadline, r.filter, targets);
        });
    }

    private List<Round> rounds() throws LiaisonException {
        List<String> ids = inTransaction("list the rounds", em -> em.createQuery("SELECT r.id FROM ReachRoundRecord r ORDER BY r.started DESC",
                String.class).getResultList());
        List<Round> out = new ArrayList<>();
        for (String id : ids) {
            out.add(round(id));
        }
        return out;
    }

    @Override
    public void schedule(Period every) throws LiaisonException {
        database.setProperty(SCHEDULE, every == null ? "" : every.toString());
    }

    @Override
    public Optional<Period> schedule() throws LiaisonException {
        String v = database.property(SCHEDULE);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(v));
        } catch (DateTimeParseException e) {
            throw new StoreException("the stored drill schedule '" + v + "' is not a period");
        }
    }

    @Override
    public boolean due() throws LiaisonException {
        Optional<Period> every = schedule();
        if (every.isEmpty()) {
            return false;
        }
        List<Instant> last = inTransaction("read the last round", em -> em.createQuery("SELECT MAX(r.started) FROM ReachRoundRecord r",
                Instant.class).getResultList());
        Instant latest = last.isEmpty() ? null : last.get(0);
        return latest == null || !latest.atZone(ZoneOffset.UTC).plus(every.get()).toInstant().isAfter(Instant.now());
    }
}
