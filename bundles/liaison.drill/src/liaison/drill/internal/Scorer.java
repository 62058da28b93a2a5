package liaison.drill.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.api.LiaisonException;
import liaison.api.model.EmailAddress;
import liaison.api.model.IpAddress;
import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.IncidentType;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.api.triage.Observation;
import liaison.drill.GroundTruth;
import liaison.drill.Scoreboard;
import liaison.drill.Scoreboard.Debrief;
import liaison.drill.Scoreboard.TaskScore;
import liaison.report.ComposeOptions;
import liaison.report.GroupBy;
import liaison.report.LintFinding;
import liaison.report.ReportComposer;
import liaison.simnet.ScenarioPack;
import liaison.simnet.ScenarioPack.Recipients.Action;
import liaison.simnet.SessionLog;
import liaison.simnet.SimEvent;
import liaison.triage.Finding;
import liaison.triage.Triage;

/**
 * Scores a session: which reports reached whom and which sources they name, against the ground
 * truth; each report linted as Liaison lints its own (the evidence being the scenario's log lines the
 * report quotes); the answers counted for the debrief.
 */
final class Scorer {

    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])");
    /** What asks the recipient to act; a report without any such words requests nothing. */
    private static final Pattern ACTION = Pattern.compile("(?i)\\b(please|kindly|we ask|we request|could you|would you|"
            + "investigate|mitigate|stop|block|take (it |them )?(down|offline)|suspend|clean|remove)\\b");

    private final ReportComposer composer;
    private final Triage triage;

    Scorer(ReportComposer composer, Triage triage) {
        this.composer = composer;
        this.triage = triage;
    }

    Scoreboard score(ScenarioPack pack, GroundTruth truth, SessionLog.Session session, Map<String, String> answers)
            throws LiaisonException {
        Map<String, String> given = normalise(answers);
        Map<String, List<Observation>> evidence = evidence(pack, truth);
        List<SimEvent> reports = session.events().stream().filter(e -> e.type() == SimEvent.Type.REPORT).toList();
        List<SimEvent> replies = session.events().stream().filter(e -> e.type() == SimEvent.Type.REPLY).toList();
        List<TaskScore> scores = new ArrayList<>();
        for (GroundTruth.Task t : truth.tasks()) {
            List<SimEvent> naming = reports.stream().filter(r -> names(r.text(), t.resource())).toList();
            String answer = given.get(t.resource());
            if (answer == null) {
                answer = naming.stream().map(SimEvent::to).filter(t::expects).findFirst()
                        .orElse(naming.isEmpty() ? null : naming.get(0).to());
            }
            String contact = answer;
            SimEvent report = naming.stream().filter(r -> r.to().equalsIgnoreCase(String.valueOf(contact))).findFirst().orElse(null);
            List<String> lint = report == null ? List.of() : lint(report, t, evidence.getOrDefault(t.id(), List.of()));
            List<String> kinds = report == null ? List.of() : replies.stream().filter(r -> answers(r, report))
                    .map(r -> r.action().id()).toList();
            boolean correct = t.expects(answer);
            scores.add(new TaskScore(t.id(), t.resource(), t.kind(), t.emails().get(0), t.team(), answer, correct,
                    answer != null && channelRight(t.channel(), answer), correct ? null : t.trap(answer), report != null,
                    report != null && report.signed(), lint, report == null ? null : Duration.between(session.started(), report.at()),
                    kinds, correct && kinds.contains(Action.RESOLVED.id()), t.explanation()));
        }
        return new Scoreboard(pack.id(), scores, debrief(pack, reports, replies, scores));
    }

    /** Answers keyed by the canonical resource text. */
    private static Map<String, String> normalise(Map<String, String> answers) throws LiaisonException {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : answers.entrySet()) {
            try {
                out.put(Resource.parse(e.getKey()).text(), e.getValue() == null ? null : e.getValue().strip());
            } catch (IllegalArgumentException ex) {
                throw new LiaisonException("answer for '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return out;
    }

    private static boolean channelRight(String channel, String answer) {
        if (!"email".equalsIgnoreCase(channel)) {
            return true;
        }
        try {
            EmailAddress.of(answer);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a text names the resource: an address in any spelling, a domain as a word. */
    static boolean names(String text, String resource) {
        if (text == null) {
            return false;
        }
        Resource r = Resource.parse(resource);
        if (r instanceof IpAddress ip) {
            Matcher m = (ip.isV4() ? IPV4 : IPV6).matcher(text);
            while (m.find()) {
                try {
                    if (IpAddress.parse(m.group()).equals(ip)) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // a look-alike (a version number, a time)
                }
            }
            return false;
        }
        return Pattern.compile("(?i)(?<![A-Za-z0-9.-])" + Pattern.quote(resource) + "(?![A-Za-z0-9-])").matcher(text).find();
    }

    /** The scenario's log lines naming each task's source, as triage reads them. */
    private Map<String, List<Observation>> evidence(ScenarioPack pack, GroundTruth truth) throws LiaisonException {
        Triage.Result r = triage.analyse(pack.logs(), null, pack.logZone(), (Path p, long d, long t) -> { });
        Map<String, List<Observation>> out = new LinkedHashMap<>();
        for (GroundTruth.Task t : truth.tasks()) {
            Map<String, Observation> lines = new LinkedHashMap<>();
            for (Finding f : r.findings()) {
                if (names(f.indicator().value(), t.resource())) {
                    f.evidence().forEach(o -> lines.putIfAbsent(o.input() + ":" + o.lineNumber(), o));
                }
            }
            out.put(t.id(), List.copyOf(lines.values()));
        }
        return out;
    }

    /** Liaison's linter on a received report: its text, the scenario's log lines it quotes, its signature. */
    private List<String> lint(SimEvent report, GroundTruth.Task task, List<Observation> lines) {
        String text = report.text() == null ? "" : report.text();
        String flat = text.replaceAll("\\s+", " ");
        List<Evidence> quoted = new ArrayList<>();
        for (Observation o : lines) {
            if (flat.contains(o.line().replaceAll("\\s+", " ").strip())) {
                quoted.add(new Evidence(o.time(), o.zoneKnown(), o.line(), Map.of()));
            }
        }
        Reporter trainee = new Reporter(null, null, report.from() == null ? "trainee@invalid.example" : report.from(), null, null);
        Report r = new Report("DRILL", trainee, List.of(report.to()), new IncidentType(null, "undetermined"), text, quoted,
                List.of(Resource.parse(task.resource())), ACTION.matcher(text).find() ? text : null, Tlp.AMBER, Instant.now());
        ComposeOptions options = new ComposeOptions("text", GroupBy.CONTACT, report.signed(), false, false, Tlp.AMBER, trainee, null, 0);
        return composer.lint(r, options).stream().map(LintFinding::code).distinct().toList();
    }

    private static Debrief debrief(ScenarioPack pack, List<SimEvent> reports, List<SimEvent> replies, List<TaskScore> scores) {
        Set<String> messages = new LinkedHashSet<>();
        reports.forEach(r -> messages.add(r.messageId() != null ? r.messageId() : r.at() + " " + r.subject()));
        Map<String, Integer> kinds = new TreeMap<>();
        replies.forEach(r -> kinds.merge(r.action().id(), 1, Integer::sum));
        Map<String, Duration> first = new LinkedHashMap<>();
        for (SimEvent r : replies) {
            if (r.action() != Action.BOUNCE && r.delay() != null) {
                first.merge(r.inReplyTo() + " " + r.from(), r.delay(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Duration> times = new ArrayList<>(first.values());
        times.sort(null);
        Map<String, String> silent = new TreeMap<>();
        for (SimEvent r : reports) {
            boolean answered = replies.stream().anyMatch(x -> answers(x, r));
            if (!answered) {
                silent.put(r.to(), pack.recipients().simulates(r.to()) && pack.recipients().steps(r.to()).isEmpty()
                        ? "this recipient never answers reports (a dead mailbox, an overloaded or indifferent desk)"
                        : "no answer yet: its answer was still to come when the session was scored");
            }
        }
        int resolved = (int) scores.stream().filter(TaskScore::resolved).count();
        return new Debrief(messages.size(), replies.size(), kinds, times.isEmpty() ? null : times.get(times.size() / 2),
                times.isEmpty() ? null : times.get(0), times.isEmpty() ? null : times.get(times.size() - 1), resolved, silent);
    }

    /** Whether a reply answers a report: it refers to the report's message and comes from its recipient (or bounces it). */
    static boolean answers(SimEvent reply, SimEvent report) {
        return report.messageId() != null && report.messageId().equals(reply.inReplyTo()) && (report.to().equalsIgnoreCase(reply.from())
                || reply.action() == Action.BOUNCE && reply.text() != null && reply.text().contains("<" + report.to() + ">"));
    }
}
