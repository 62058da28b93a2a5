package liaison.cli.internal.drill;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.report.Reporter;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.directory.TeamFilter;
import liaison.drill.ReachDrill;
import liaison.drill.ReachDrill.Round;
import liaison.drill.ReachDrill.Target;
import liaison.mail.MailServer;
import liaison.mail.SmtpTransport;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code liaison drill reach [--teams FILTER] [--smtp URL] [--imap URL] [--deadline DURATION] [--due]
 * [--schedule quarterly]}: with {@code --smtp}, a new round of signed challenges to the selected teams
 * of the directory; with {@code --imap}, their answers are collected; every run shows the latest
 * round. A cron job running it daily with {@code --due} starts a round only when the schedule says so.
 */
@Command(name = "reach", header = "Reachability drill: signed challenges to the directory's teams, answers over IMAP, history.",
        description = { "Reachability drill of the directory's teams: --smtp sends each selected team a signed",
        "challenge with a token; --imap collects the answers (response time per team); teams without a person's answer by",
        "the deadline are marked unresponsive. The history is kept in the workspace. Schedule: --schedule quarterly, then",
        "run daily from cron with --due (Liaison runs no daemon):",
        "  0 8 * * * liaison drill reach --due --smtp URL --imap URL" })
public class DrillReachCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--teams", paramLabel = "FILTER", description = { "Which teams: comma-separated short names and/or country:CC,",
            "classification:listed|accredited|certified, source:ID (default: every active team)." })
    String teams;

    @Option(names = "--smtp", paramLabel = "URL", description = "Start a round: send the challenges (and whatever else the outbox holds) through this server.")
    String smtp;

    @Option(names = "--imap", paramLabel = "URL", description = "Collect answers from this mailbox (read-only).")
    String imap;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "7d",
            description = "How long teams have to answer: 7d, 36h, 30m or ISO 8601 (P7D) (default ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--due", description = "With --smtp: start a round only when the schedule says one is due.")
    boolean due;

    @Option(names = "--schedule", paramLabel = "EVERY", description = "Set how often rounds are due: quarterly, monthly, weekly, P3M, or off.")
    String schedule;

    @Option(names = "--from", paramLabel = "ADDR", description = "Our address (default: the address on our key).")
    String from;

    @Option(names = "--team", description = "Our team's name (default: the name on our key).")
    String team;

    @Option(names = "--all", description = "Show every round, not only the latest.")
    boolean all;

    public DrillReachCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Duration wait = duration(deadline);
        context.workspace();
        ReachDrill drill = WorkspaceServices.get(context, ReachDrill.class);
        if (schedule != null) {
            Period every = period(schedule);
            drill.schedule(every);
            context.err().println("liaison: reachability rounds " + (every == null ? "are no longer scheduled" : "are due every " + every));
        }
        if (smtp != null) {
            if (due && !drill.due()) {
                context.err().println("liaison: no round is due" + drill.schedule().map(p -> " (schedule " + p + ")").orElse(" (no schedule set)"));
            } else {
                Selection s = selection();
                try (SmtpTransport transport = new SmtpTransport(MailServer.parse(smtp))) {
                    drill.start(s.filter, s.names, teams == null ? "all active teams" : teams, wait, reporter(), transport);
                }
            }
        }
        if (imap != null) {
            drill.collect(MailServer.parse(imap));
        }
        List<Round> rounds = drill.history();
        for (Round r : all ? rounds : rounds.stream().limit(1).toList()) {
            print(r);
        }
        if (rounds.isEmpty() && !context.json()) {
            context.out().println("no reachability round yet; start one with --smtp URL");
        }
        return 0;
    }

    private record Selection(TeamFilter filter, List<String> names) {
    }

    private Selection selection() {
        String country = null, classification = null, source = null;
        List<String> names = new ArrayList<>();
        if (teams != null) {
            for (String term : teams.split(",")) {
                String t = term.strip();
                int colon = t.indexOf(':');
                String key = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = colon < 0 ? t : t.substring(colon + 1).strip();
                switch (key) {
                    case "country" -> country = value.toUpperCase(Locale.ROOT);
                    case "classification" -> classification = value.toLowerCase(Locale.ROOT);
                    case "source" -> source = value;
                    case "" -> names.add(value);
                    default -> throw new ParameterException(spec.commandLine(), "--teams: unknown filter '" + key
                            + ":'; use country:, classification:, source: or team names");
                }
            }
        }
        return new Selection(new TeamFilter(country, classification, source, false), names);
    }

    private Reporter reporter() throws LiaisonException {
        Optional<KeyInfo> key = WorkspaceServices.get(context, PgpService.class).ownKey();
        if (key.isEmpty()) {
            throw new LiaisonException("challenges are signed: generate our key first ('liaison pgp generate')");
        }
        String address = from != null ? from : key.get().email();
        return new Reporter(team != null ? team : key.get().name(), key.get().name(), address, null, key.get().fingerprint());
    }

    private Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                if (t.contains("t")) {
                    return Duration.parse(t);
                }
                // Months and years are calendar lengths: P1M from today, as a coordinator means it.
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
                return Duration.between(now, now.plus(Period.parse(t)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> throw new NumberFormatException(text);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ParameterException(spec.commandLine(), "--deadline is 7d, 36h, 30m, 45s or ISO 8601, not '" + text + "'");
        }
    }

    private Period period(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "off", "none" -> null;
            case "quarterly" -> Period.ofMonths(3);
            case "monthly" -> Period.ofMonths(1);
            case "weekly" -> Period.ofWeeks(1);
            default -> {
                try {
                    yield Period.parse(text.strip());
                } catch (DateTimeParseException e) {
                    throw new ParameterException(spec.commandLine(), "--schedule is quarterly, monthly, weekly, off or a period (P3M)");
                }
            }
        };
    }

    private void print(Round r) {
        if (context.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("round", r.id());
            o.put("started", r.started().toString());
            o.put("deadline", r.deadline().toString());
            o.put("teams", r.filter());
            o.put("targets", r.targets().stream().map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("team", t.team());
                m.put("address", t.address());
                m.put("token", t.token());
                m.put("status", t.status().id());
                m.put("sent_at", t.sentAt() == null ? null : t.sentAt().toString());
                m.put("answered_at", t.answeredAt() == null ? null : t.answeredAt().toString());
                m.put("response_time", t.responseTime() == null ? null : t.responseTime().toString());
                m.put("note", t.note());
                return m;
            }).toList());
            context.emitJson(o);
            return;
        }
        var out = context.out();
        long responded = r.targets().stream().filter(t -> t.status() == ReachDrill.Status.RESPONDED).count();
        out.printf("Round %s (%s), deadline %s: %d of %d teams answered%n", r.id(), r.filter(), r.deadline(), responded, r.targets().size());
        out.printf("  %-24s %-34s %-13s %-9s %s%n", "TEAM", "ADDRESS", "STATUS", "ANSWERED", "NOTE");
        for (Target t : r.targets()) {
            out.printf("  %-24s %-34s %-13s %-9s %s%n", t.team(), t.address() == null ? "-" : t.address(), t.status().id(),
                    ScoreboardOutput.duration(t.responseTime()), t.note() == null ? "" : t.note());
        }
    }
}
