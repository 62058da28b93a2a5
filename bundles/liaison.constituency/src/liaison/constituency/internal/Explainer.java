package liaison.constituency.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import liaison.constituency.Claim;
import liaison.constituency.Claim.Layer;

/**
 * Ranks the claims on one resource (prefixes most specific first, then ASNs, domain suffixes,
 * countries) and writes into each why it applies and how it meets the others: a more specific irt
 * taking over (ripe-254), where the abuse mailbox comes from, a team claiming what the registry
 * assigns to another team.
 */
final class Explainer {

    private Explainer() {
    }

    static List<Claim> explain(List<Claim> claims) {
        List<Claim> ranked = new ArrayList<>(claims);
        ranked.sort(Comparator.comparing(Claim::kind)); // stable: keeps specificity order within a kind
        Claim registry = ranked.stream().filter(c -> c.layer() == Layer.REGISTRY).findFirst().orElse(null);
        String irt = registry == null ? null : registry.irt();
        List<String> teams = ranked.stream().filter(c -> c.layer() == Layer.DIRECTORY).map(Claim::owner).distinct().toList();
        List<Claim> out = new ArrayList<>();
        for (Claim c : ranked) {
            out.add(c.withNote(note(c, registry, irt, teams)));
        }
        return out;
    }

    private static String note(Claim c, Claim registry, String irt, List<String> teams) {
        StringBuilder n = new StringBuilder();
        switch (c.layer()) {
            case REGISTRY -> {
                if (c == registry || c.level() == 0) {
                    n.append("most specific ").append(c.objectType()).append(" in ").append(c.dataset());
                    if (c.irt() != null) {
                        n.append(c.mntIrt().contains(c.irt()) ? "; its own mnt-irt " : "; irt inherited from a less specific object: ")
                                .append(c.irt()).append(" handles incidents here (-c)");
                    }
                } else {
                    n.append("less specific ").append(c.objectType()).append(" (level ").append(c.level()).append(')');
                    if (!c.mntIrt().isEmpty() && irt != null && !c.mntIrt().contains(irt)) {
                        n.append("; its mnt-irt ").append(String.join(", ", c.mntIrt())).append(" is taken over by ").append(irt)
                                .append(" of a more specific object (ripe-254)");
                    } else if (irt != null && c.mntIrt().contains(irt) && registry != null && !registry.mntIrt().contains(irt)) {
                        n.append("; its mnt-irt ").append(irt).append(" is the irt for the resource (-c answer)");
                    }
                }
                if (c.contact() != null && c.level() == 0) {
                    n.append("; abuse mailbox ").append(c.contact()).append(c.abuseC() != null ? " (abuse-c " + c.abuseC() + ")"
                            : c.org() != null ? " (abuse-c of " + c.org() + " or inherited)" : " (inherited from a less specific object)");
                }
            }
            case DIRECTORY -> {
                n.append(c.note() != null ? c.note() : "team " + c.owner() + " claims " + c.resource() + " in the directory")
                        .append(" (").append(c.source()).append(')');
                if (irt != null) {
                    n.append("; overlaps the registry's irt ").append(irt).append(" of ").append(registry.resource())
                            .append(": both claim it");
                }
                String others = teams.stream().filter(t -> !t.equals(c.owner())).collect(Collectors.joining(", "));
                if (!others.isEmpty()) {
                    n.append("; also claimed by ").append(others);
                }
            }
            case STATISTICS -> n.append("RIR statistics: ").append(c.owner()).append(' ').append(c.status())
                    .append(c.country() == null ? "" : " to " + c.country()).append(" (").append(c.dataset()).append(')');
        }
        return n.toString();
    }
}
