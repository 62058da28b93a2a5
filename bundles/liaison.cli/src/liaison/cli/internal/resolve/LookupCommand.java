package liaison.cli.internal.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.cli.internal.CliContext;
import liaison.resolve.Endpoints;
import liaison.resolve.Exchange;
import liaison.resolve.LookupOptions;
import liaison.resolve.ResolvePreferences;
import liaison.resolve.Resolution;
import liaison.resolve.Resolver;
import liaison.resolve.Via;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison lookup}: who to tell about IP addresses, prefixes, AS numbers and domains. Text shows
 * the best contact first, why, the other candidates and every query; {@code --json} prints one line per
 * query.
 */
@Command(name = "lookup", description = { "Find who to tell about IP addresses, prefixes, AS numbers or domains:",
        "ranked contacts from whois and RDAP, each with the chain of answers that led to it." })
public class LookupCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--via", paramLabel = "auto|rdap|whois", defaultValue = "auto",
            description = "Protocol: whois for addresses and ASNs and RDAP for domains, falling back to the other (auto), or only one.")
    String via;

    @Option(names = "--endpoints", paramLabel = "FILE",
            description = "Map whois hosts and RDAP base URLs to other addresses (air-gapped use, tests); default: the workspace preference.")
    Path endpoints;

    @Option(names = "--bootstrap", paramLabel = "DIR", description = "Read the IANA RDAP bootstrap files from DIR.")
    Path bootstrap;

    @Option(names = "--offline", description = "Answer from the cache only; send no query.")
    boolean offline;

    @Option(names = "--stdin", description = "Read queries from standard input, one a line ('#' starts a comment).")
    boolean stdin;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "An IP address, prefix, range, AS number (AS3333) or domain.")
    List<String> queries = new ArrayList<>();

    public LookupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        if (stdin == !queries.isEmpty()) {
            throw new ParameterException(spec.commandLine(), stdin ? "give queries as arguments or with --stdin, not both"
                    : "give at least one QUERY, or --stdin");
        }
        Via v;
        try {
            v = Via.of(via);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--via must be auto, rdap or whois, not '" + via + "'");
        }
        List<String> texts = stdin ? readStdin() : queries;
        List<Resource> resources = new ArrayList<>();
        Map<Integer, String> unreadable = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                resources.add(Resource.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                if (!stdin) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                unreadable.put(i, e.getMessage());
                resources.add(null);
            }
        }
        Path workspace = context.workspace().root();
        Endpoints mapping = Endpoints.NONE;
        Path file = endpoints != null ? endpoints : ResolvePreferences.endpointsFile(workspace).orElse(null);
        if (file != null) {
            mapping = Endpoints.load(file);
        }
        Resolver resolver = context.service(Resolver.class);
        LookupOptions options = new LookupOptions(v, offline, mapping, bootstrap, null, null);
        if (bootstrap != null) {
            resolver.bootstrap(options); // a broken --bootstrap DIR fails once, clearly, not per query
        }
        List<Resource> valid = resources.stream().filter(r -> r != null).toList();
        Printer printer = new Printer(texts, resources, unreadable);
        resolver.resolveAll(valid, options, printer::done);
        printer.flush();
        if (printer.failed > 0) {
            context.err().println("liaison: " + printer.failed + " of " + texts.size() + " lookup(s) failed; the first: "
                    + printer.firstFailure);
            return 1;
        }
        return 0;
    }

    private List<String> readStdin() throws LiaisonException {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = in.readLine()) != null;) {
                n++;
                int hash = line.indexOf('#');
                String q = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!q.isEmpty()) {
                    lines.add(q);
                }
            }
            if (n == 0) {
                throw new InputException("standard input", 0, 0, "no queries");
            }
        } catch (IOException e) {
            throw new LiaisonException("cannot read standard input: " + e.getMessage(), e);
        }
        return lines;
    }

    /** Prints results in input order as soon as all before them are done. */
    private final class Printer {
        private final List<String> texts;
        private final List<Resource> resources;
        private final Map<Integer, String> unreadable;
        private final Resolution[] done;
        private final String[] lines;
        /** Where each resource stands in the input, so a result finds its line at once (a resource may repeat). */
        private final Map<Resource, java.util.ArrayDeque<Integer>> positions = new java.util.HashMap<>();
        private int next;
        int failed;
        String firstFailure;

        Printer(List<String> texts, List<Resource> resources, Map<Integer, String> unreadable) {
            this.texts = texts;
            this.resources = resources;
            this.unreadable = unreadable;
            this.done = new Resolution[texts.size()];
            this.lines = new String[texts.size()];
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i) != null) {
                    positions.computeIfAbsent(resources.get(i), k -> new java.util.ArrayDeque<>()).add(i);
                }
            }
        }

        /** Called from the resolver's workers: the line is rendered there, in parallel; only printing is in order. */
        void done(Resolution r) {
            String line = render(r);
            synchronized (this) {
                int i = positions.get(r.query()).poll();
                done[i] = r;
                lines[i] = line;
                flush();
            }
        }

        private String render(Resolution r) {
            if (context.json()) {
                try {
                    return context.jsonMapper().writeValueAsString(LookupJson.of(r));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("cannot write JSON", e);
                }
            }
            StringWriter text = new StringWriter();
            text(new PrintWriter(text), r);
            return text.toString();
        }

        synchronized void flush() {
            while (next < texts.size()) {
                if (unreadable.containsKey(next)) {
                    fail(texts.get(next) + ": " + unreadable.get(next));
                    if (context.json()) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("query", texts.get(next));
                        line.put("error", unreadable.get(next));
                        context.emitJson(line);
                    } else {
                        context.out().println(texts.get(next) + "\n  cannot look this up: " + unreadable.get(next) + "\n");
                    }
                    next++;
                    continue;
                }
                Resolution r = done[next];
                if (r == null) {
                    return;
                }
                if (r.failed()) {
                    fail(r.query().text() + ": " + r.error());
                }
                if (context.json()) {
                    context.out().println(lines[next]);
                } else {
                    context.out().print(lines[next]);
                }
                next++;
            }
            context.out().flush();
        }

        private void fail(String message) {
            if (failed++ == 0) {
                firstFailure = message;
            }
        }
    }

    /** The text form: best contact first, why, the others, the queries. */
    static void text(PrintWriter out, Resolution r) {
        StringBuilder head = new StringBuilder(r.query().text());
        if (r.registry() != null || r.network() != null) {
            head.append("  (");
            if (r.registry() != null) {
                head.append(r.registry());
            }
            if (r.network() != null) {
                head.append(r.registry() != null ? ": " : "").append(r.network().range());
                if (r.network().name() != null) {
                    head.append(' ').append(r.network().name());
                }
                if (r.network().country() != null) {
                    head.append(", ").append(r.network().country());
                }
            }
            head.append(')');
        }
        out.println(head);
        if (r.failed()) {
            out.println("  lookup failed: " + r.error());
        } else if (r.contacts().isEmpty()) {
            out.println("  no contact found");
        } else {
            ContactCandidate best = r.contacts().get(0);
            out.printf("  tell:    %s  [%s, confidence %.2f%s]%n", address(best), best.role().id(), best.confidence(), flags(best));
            out.println("  because: " + best.pathText());
            out.println("  source:  " + best.source());
            if (r.contacts().size() > 1) {
                out.println("  other candidates:");
                for (ContactCandidate c : r.contacts().subList(1, r.contacts().size())) {
                    out.printf("    %.2f  %-16s %s%s%n           %s%n", c.confidence(), c.role().id(), address(c), flags(c), c.pathText());
                }
            }
        }
        if (!r.chain().isEmpty()) {
            out.println("  asked:");
            for (Exchange e : r.chain()) {
                out.printf("    %-6s %-24s %s%s%n", e.protocol(), e.server(), e.query(), e.cached() ? "  (cached)" : "");
            }
        }
        for (String n : r.notices()) {
            out.println("  note: " + n);
        }
        for (String p : r.problems()) {
            out.println("  problem: " + p);
        }
        out.println();
    }

    private static String address(ContactCandidate c) {
        if (c.email() != null) {
            return c.email() + (c.name() != null ? " (" + c.name() + ")" : "");
        }
        return (c.phone() != null ? "phone " + c.phone() : "") + (c.name() != null ? " (" + c.name() + ")" : "");
    }

    private static String flags(ContactCandidate c) {
        List<String> f = new ArrayList<>();
        for (CandidateFlag flag : c.flags()) {
            f.add(switch (flag) {
                case FROM_REMARKS -> "from remarks";
                case REGISTRY_CONTACT -> "registry staff";
                case SUSPECT_ADDRESS -> "failed the registry's validation";
                case PLACEHOLDER_ADDRESS -> "placeholder";
                case CACHED -> "cached";
                case OVERRIDDEN -> "override";
            });
        }
        return f.isEmpty() ? "" : ", " + String.join(", ", f);
    }
}
