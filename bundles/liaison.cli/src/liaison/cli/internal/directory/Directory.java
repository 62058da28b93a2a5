package liaison.cli.internal.directory;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.cli.internal.CliContext;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.MatchCandidate;
import liaison.directory.SyncResult;
import liaison.directory.TeamChange;
import liaison.directory.TeamFilter;
import liaison.directory.TeamJson;
import picocli.CommandLine.Option;

/** What the directory commands share: the service, output of teams and results, parsing of options. */
final class Directory {

    private Directory() {
    }

    /** The directory of the workspace chosen with {@code --data}. */
    static DirectoryService service(CliContext context) throws LiaisonException {
        // The service of this workspace: one still registered for a previous workspace has closed its store.
        return liaison.cli.internal.report.WorkspaceServices.get(context, DirectoryService.class);
    }

    /** The filter options of {@code list}, {@code export} and {@code feed publish}. */
    static final class FilterOptions {
        @Option(names = "--country", paramLabel = "CC", description = "Only teams of this country (ISO 3166 alpha-2).")
        String country;

        @Option(names = "--classification", paramLabel = "LEVEL", description = "Only teams with this TI classification: listed, accredited or certified.")
        String classification;

        @Option(names = "--source", paramLabel = "SOURCE", description = "Only teams this source lists (ti, first, feed:NAME, ...).")
        String source;

        @Option(names = "--all", description = "Include teams no source lists any more (status removed).")
        boolean all;

        TeamFilter filter() {
            if (classification != null && !Field.CLASSIFICATIONS.contains(classification.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--classification is one of " + String.join(", ", Field.CLASSIFICATIONS));
            }
            return new TeamFilter(country, classification, source, all);
        }
    }

    /** Progress of a long read on stderr, when asked for with {@code --progress}. */
    static ProgressListener progress(CliContext context, boolean wanted) {
        if (!wanted) {
            return ProgressListener.NONE;
        }
        return new ProgressListener() {
            private long lastShown = -1;

            @Override
            public void worked(long done, long total, String what) {
                long step = total > 0 ? Math.max(1, total / 20) : 50;
                if (done == total || done / step != lastShown / step) {
                    lastShown = done;
                    context.err().println("liaison: " + (total > 0 ? done + "/" + total : done) + " " + what);
                }
            }
        };
    }

    /**
     * Reads {@code --at}: an instant ({@code 2026-11-22T10:00:00Z}), a date-time with offset, a local
     * date-time (this machine's zone) or a date (its start, UTC).
     */
    static Instant instant(String text) {
        String s = text.strip();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time; give e.g. 2026-11-22T10:00:00Z or 2026-11-22", e);
        }
    }

    /** One line per team: id, name, country, classification, status, addresses, sources. */
    static void printTeams(CliContext context, List<DirectoryTeam> teams) {
        if (context.json()) {
            teams.forEach(t -> context.emitJson(TeamJson.summary(t)));
            return;
        }
        PrintWriter out = context.out();
        for (DirectoryTeam t : teams) {
            out.printf("%5d  %-28s %-2s  %-10s %-7s  %-40s %s%n", t.id(), t.shortName(), nz(t.team().country()),
                    nz(t.team().tiClassification()), t.status().id(), String.join(", ", t.emails()), String.join(", ", t.sources()));
        }
    }

    /** The summary of an import or sync and what it changed. */
    static void printResult(CliContext context, SyncResult r) {
        if (context.json()) {
            context.emitJson(json(r));
            return;
        }
        PrintWriter out = context.out();
        out.println(r.summary());
        for (TeamChange c : r.changes()) {
            String mark = switch (c.kind()) {
                case ADDED -> "+";
                case CHANGED -> "~";
                case REMOVED -> "-";
            };
            out.println("  " + mark + " " + c.shortName() + " (" + c.teamId() + ")");
            c.details().forEach(d -> out.println("      " + d));
        }
        r.conflicts().forEach(c -> out.println("  ! conflict: " + c));
        for (MatchCandidate m : r.ambiguous()) {
            out.println("  ? " + m.team() + " (" + m.teamId() + ") may be " + m.other() + " (" + m.otherId() + "): " + m.reason()
                    + "; not merged");
        }
        r.warnings().forEach(w -> context.err().println("liaison: warning: " + w));
    }

    static ObjectNode json(SyncResult r) {
        ObjectNode o = TeamJson.mapper().createObjectNode();
        o.put("source", r.sourceId());
        o.put("location", r.location());
        o.put("at", r.at().toString());
        o.put("dry_run", r.dryRun());
        o.put("added", r.added());
        o.put("changed", r.changed());
        o.put("removed", r.removed());
        o.put("unchanged", r.unchanged());
        ArrayNode changes = o.putArray("changes");
        for (TeamChange c : r.changes()) {
            ObjectNode x = changes.addObject();
            x.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            x.put("id", c.teamId());
            x.put("short_name", c.shortName());
            c.details().forEach(x.putArray("details")::add);
        }
        ArrayNode conflicts = o.putArray("conflicts");
        r.conflicts().forEach(conflicts::add);
        ArrayNode ambiguous = o.putArray("ambiguous");
        r.ambiguous().forEach(m -> ambiguous.add(json(m)));
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }

    static ObjectNode json(MatchCandidate m) {
        ObjectNode x = TeamJson.mapper().createObjectNode();
        x.put("id", m.teamId());
        x.put("short_name", m.team());
        x.put("other_id", m.otherId());
        x.put("other_short_name", m.other());
        x.put("reason", m.reason());
        return x;
    }

    static String nz(String s) {
        return s == null ? "-" : s;
    }
}
