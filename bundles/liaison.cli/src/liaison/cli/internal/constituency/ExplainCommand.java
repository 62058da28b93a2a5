package liaison.cli.internal.constituency;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.model.Resource;
import liaison.cli.internal.CliContext;
import liaison.constituency.Claim;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code liaison constituency explain ADDRESS}: every claim, ranked, and why. */
@Command(name = "explain", description = "Every claim on an address (or range, ASN, domain), most specific first, with overlaps explained.")
public class ExplainCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    IndexOption index;

    @Parameters(paramLabel = "ADDRESS", description = "An address, range, AS number or domain name.")
    String resource;

    public ExplainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Resource r = Resource.parse(resource);
        List<Claim> claims;
        try (ConstituencyIndex idx = context.service(ConstituencyService.class).open(index.resolve(context))) {
            claims = idx.claims(r);
        }
        if (context.json()) {
            var n = context.jsonMapper().createObjectNode();
            n.put("query", r.text());
            var list = n.putArray("claims");
            claims.forEach(c -> list.add(ClaimJson.claim(context.jsonMapper(), c)));
            context.emitJson(n);
            return 0;
        }
        PrintWriter out = context.out();
        if (claims.isEmpty()) {
            out.println("No claims on " + r.text() + " in the index.");
            return 0;
        }
        out.println("Claims on " + r.text() + ", most specific first:");
        int rank = 1;
        for (Claim c : claims) {
            out.printf("%2d. %-9s %-34s %-10s %s%n", rank++, c.layer().name().toLowerCase(java.util.Locale.ROOT), c.resource(),
                    c.objectType(), c.owner() == null ? "" : c.owner());
            StringBuilder facts = new StringBuilder();
            append(facts, "irt", c.irt());
            append(facts, "contact", c.contact());
            append(facts, "country", c.country());
            append(facts, "status", c.status());
            append(facts, "source", c.source() + " (" + c.dataset() + (c.imported() == null ? "" : ", " + c.imported()) + ")");
            out.println("    " + facts);
            out.println("    " + c.note());
        }
        return 0;
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : "  ").append(name).append(": ").append(value);
        }
    }
}
