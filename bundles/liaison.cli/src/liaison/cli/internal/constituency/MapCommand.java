package liaison.cli.internal.constituency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.model.IpAddress;
import liaison.cli.internal.CliContext;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.constituency.Mapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison constituency map [--index DIR] [--json] ADDRESS… | --stdin}: one answer per address. */
@Command(name = "map", description = {
        "For each address: the smallest inetnum, the irt per ripe-254 -c, its e-mail, the abuse mailbox by RIPE's rule,",
        "and every claim. --json prints one object per line." })
public class MapCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    IndexOption index;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--stdin", description = "Read addresses from standard input, one per line.")
    boolean stdin;

    @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "IPv4 or IPv6 addresses.")
    List<String> addresses = new ArrayList<>();

    public MapCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException, IOException {
        if (stdin == !addresses.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give ADDRESS… or --stdin, not both");
        }
        int failures = 0;
        try (ConstituencyIndex idx = context.service(ConstituencyService.class).open(index.resolve(context))) {
            if (stdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
                for (String line; (line = in.readLine()) != null;) {
                    if (!line.isBlank()) {
                        failures += map(idx, line.strip());
                    }
                }
            } else {
                for (String a : addresses) {
                    failures += map(idx, a);
                }
            }
        }
        context.out().flush();
        if (failures > 0) {
            context.err().println("liaison: " + failures + " input(s) were not IP addresses");
            return 1;
        }
        return 0;
    }

    private int map(ConstituencyIndex idx, String text) {
        IpAddress address;
        try {
            address = IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            if (context.json()) {
                var n = context.jsonMapper().createObjectNode();
                n.put("query", text);
                n.put("error", e.getMessage());
                context.emitJson(n);
            } else {
                context.err().println("liaison: " + e.getMessage());
            }
            return 1;
        }
        Mapping m = idx.map(address);
        if (context.json()) {
            context.emitJson(ClaimJson.mapping(context.jsonMapper(), m).put("query", text));
        } else {
            context.out().printf("%s\t%s\tirt=%s%s\tabuse=%s%n", text, m.inetnum() == null ? "-" : m.inetnum().resource(),
                    m.irt() == null ? "-" : m.irt(), m.irtEmail() == null ? "" : " <" + m.irtEmail() + ">",
                    m.abuseMailbox() == null ? "-" : m.abuseMailbox());
        }
        return 0;
    }
}
