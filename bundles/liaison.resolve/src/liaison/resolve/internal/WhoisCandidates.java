package liaison.resolve.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.api.model.Role;
import liaison.api.resolve.NetworkInfo;
import liaison.whois.NetworkRecord;
import liaison.whois.Party;
import liaison.whois.TextEmail;
import liaison.whois.WhoisAnswer;
import liaison.whois.WhoisTrail;

/**
 * Turns a whois trail into ranked contact candidates, in this order (each step's confidence below the
 * previous one's): the irt of the smallest covering object with {@code mnt-irt} (ripe-254); the abuse-c
 * mailbox, the object's own, else its organisation's, else the next less specific object's (RIPE's
 * rule), and the server's own "Abuse contact for" line; ARIN's RAbuse before OrgAbuse; domain
 * registrars' abuse contacts; abuse mailboxes of technical roles (the pre-abuse-c practice); technical,
 * NOC and administrative contacts; last, with low confidence, addresses found only in remarks.
 * Earlier servers of a referral chain count less than the one they referred to.
 */
final class WhoisCandidates {

    private static final Pattern ABUSE_WORDS = Pattern.compile("abuse|spam|security|incident|cert|csirt|phish",
            Pattern.CASE_INSENSITIVE);
    /** Confidence lost per level of a less specific object, and per hop before the authoritative server. */
    private static final double LEVEL = 0.02;
    private static final double HOP = 0.03;

    private WhoisCandidates() {
    }

    /** The hop whose answer speaks for the resource: the last one that found something. */
    static int authoritative(WhoisTrail trail) {
        for (int i = trail.hops().size() - 1; i >= 0; i--) {
            WhoisAnswer a = trail.hops().get(i).answer();
            if (!a.notFound() && !a.networks().isEmpty()) {
                return i;
            }
        }
        return trail.hops().size() - 1;
    }

    /** The resource objects of an answer that hold the resource, most specific first. */
    static List<NetworkRecord> holding(WhoisAnswer answer, Resource resource) {
        List<NetworkRecord> out = new ArrayList<>();
        for (int i = answer.networks().size() - 1; i >= 0; i--) {
            NetworkRecord n = answer.networks().get(i);
            if (holds(n, resource)) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean holds(NetworkRecord n, Resource r) {
        return switch (r) {
            case IpAddress a -> n.range() == null || n.range().contains(a);
            case IpRange g -> n.range() == null || n.range().contains(g);
            default -> true;
        };
    }

    static List<ContactCandidate> build(WhoisTrail trail, Resource resource, LookupContext ctx, boolean cached) {
        if (trail.hops().isEmpty()) {
            return List.of();
        }
        int auth = authoritative(trail);
        Set<String> suspect = new HashSet<>();
        Map<String, Party> parties = new LinkedHashMap<>();
        for (WhoisAnswer a : trail.answers()) {
            suspect.addAll(a.suspectMailboxes());
            a.parties().forEach(parties::putIfAbsent);
        }
        Candidates out = new Candidates(suspect, cached);
        for (int i = auth; i >= 0; i--) {
            WhoisTrail.Hop hop = trail.hops().get(i);
            new HopReader(hop, parties, resource, out, (auth - i) * HOP).read();
        }
        WhoisTrail.Hop main = trail.hops().get(auth);
        List<NetworkRecord> nets = holding(main.answer(), resource);
        if (!nets.isEmpty()) {
            NetworkRecord n = nets.get(0);
            ctx.recordNetwork(new NetworkInfo(main.answer().registry().id(), n.range() != null ? n.range().text() : n.key(),
                    n.name(), n.country()));
        }
        ctx.registry(main.answer().registry() == liaison.whois.Registry.OTHER ? main.answer().response().server().host()
                : main.answer().registry().id());
        for (WhoisTrail.Hop h : trail.hops()) {
            for (String r : h.answer().noAbuseContact()) {
                ctx.notice(h.answer().response().server() + ": no abuse contact registered for " + r);
            }
            if (h.answer().notFound() && h != trail.hops().get(0)) {
                ctx.notice(h.answer().response().server() + " has no entry for '" + h.answer().response().query() + "'");
            }
            h.answer().warnings().forEach(w -> ctx.problem(h.answer().response().server() + ": " + w));
        }
        trail.problems().forEach(ctx::problem);
        return out.ranked();
    }

    /** Reads one server's answer for candidates. */
    private static final class HopReader {
        private final WhoisAnswer answer;
        private final Map<String, Party> parties;
        private final Candidates out;
        private final double penalty;
        private final String server;
        private final List<NetworkRecord> nets;

        HopReader(WhoisTrail.Hop hop, Map<String, Party> parties, Resource resource, Candidates out, double penalty) {
            this.answer = hop.answer();
            this.parties = parties;
            this.out = out;
            this.penalty = penalty;
            this.server = answer.response().server().toString();
            this.nets = holding(answer, resource);
        }

        void read() {
            irt();
            abuse();
            technical();
            remarks();
        }

        private Optional<Party> party(String handle) {
            return Optional.ofNullable(parties.get(handle.toUpperCase(Locale.ROOT)));
        }

        private void add(Role role, Party p, List<String> emails, List<String> path, NetworkRecord net, double confidence,
                Set<CandidateFlag> flags) {
            out.add(role, p == null ? null : p.handle(), emails, p == null ? null : p.phone(),
                    server + " " + (p == null ? net.label() : p.label()), path, p != null && p.lastModified() != null
                            ? p.lastModified() : net == null ? null : net.lastModified(), confidence - penalty, flags);
        }

        private static List<String> mailboxesFirst(Party p) {
            List<String> all = new ArrayList<>(p.abuseMailboxes());
            all.addAll(p.emails());
            return all;
        }

        private void irt() {
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                List<String> irts = net.handles("mnt-irt");
                if (irts.isEmpty()) {
                    continue;
                }
                double c = 0.95 - depth * LEVEL;
                for (String h : irts) {
                    party(h).ifPresent(p -> add(Role.IRT, p, mailboxesFirst(p),
                            List.of(net.label(), "mnt-irt " + h, p.label(), p.abuseMailboxes().isEmpty() ? "e-mail" : "abuse-mailbox"),
                            net, c, Set.of()));
                }
                return;
            }
            // RIPE's -c query returns the irt of a less specific object without the object itself
            if (!nets.isEmpty()) {
                NetworkRecord net = nets.get(0);
                for (Party p : answer.parties().values()) {
                    if (p.type().equals("irt")) {
                        add(Role.IRT, p, mailboxesFirst(p), List.of(net.label(), "mnt-irt of a less specific object", p.label(),
                                p.abuseMailboxes().isEmpty() ? "e-mail" : "abuse-mailbox"), net, 0.93, Set.of());
                    }
                }
            }
        }

        private void abuse() {
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                double level = depth * LEVEL;
                List<String> own = net.handles("abuse-c");
                for (String h : own) {
                    party(h).ifPresent(p -> add(Role.ABUSE, p, p.abuseMailboxes().isEmpty() ? p.emails() : p.abuseMailboxes(),
                            List.of(net.label(), "abuse-c " + h, p.label(), p.abuseMailboxes().isEmpty() ? "e-mail" : "abuse-mailbox"),
                            net, 0.90 - level, Set.of()));
                }
                if (own.isEmpty() && net.org() != null) {
                    party(net.org()).ifPresent(org -> {
                        for (String h : org.handles("abuse-c")) {
                            party(h).ifPresent(p -> add(Role.ABUSE, p, p.abuseMailboxes().isEmpty() ? p.emails() : p.abuseMailboxes(),
                                    List.of(net.label(), org.label(), "abuse-c " + h, p.label(), "abuse-mailbox"), net,
                                    0.88 - level, Set.of()));
                        }
                        if (!org.abuseMailboxes().isEmpty()) {
                            add(Role.ABUSE, org, org.abuseMailboxes(), List.of(net.label(), org.label(), "abuse-mailbox"), net,
                                    0.80 - level, Set.of());
                        }
                    });
                }
            }
            for (WhoisAnswer.AbuseNotice notice : answer.abuseNotices()) {
                NetworkRecord net = nets.stream().filter(n -> sameRange(n, notice.range())).findFirst().orElse(null);
                int depth = net == null ? 0 : nets.indexOf(net);
                List<String> path = new ArrayList<>();
                path.add(net != null ? net.label() : "range " + notice.range());
                path.add("% Abuse contact for '" + notice.range() + "' is '" + notice.email() + "'");
                out.add(Role.ABUSE, null, List.of(notice.email()), null, server + " " + (net != null ? net.label() : notice.range()),
                        path, net == null ? null : net.lastModified(), 0.90 - depth * LEVEL - penalty, Set.of());
            }
            // ARIN: the resource's own abuse POC (RAbuse) before its organisation's (OrgAbuse)
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                for (String h : net.handles("rabuse")) {
                    double c = 0.87 - depth * LEVEL;
                    party(h).ifPresent(p -> add(Role.ABUSE, p, p.emails(), List.of(net.label(), "RAbuse " + h, p.label()), net, c,
                            Set.of()));
                }
            }
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                double c = 0.84 - depth * LEVEL;
                orgContacts(net, "orgabuse", "OrgAbuse", Role.ABUSE, c);
            }
            for (NetworkRecord net : nets) {
                for (String h : net.handles("registrar-abuse")) {
                    party(h).ifPresent(p -> add(Role.REGISTRAR_ABUSE, p, p.abuseMailboxes(),
                            List.of(net.label(), "registrar " + (p.name() == null ? "" : p.name()), "Registrar Abuse Contact Email"),
                            net, 0.80, Set.of()));
                }
            }
            // Before abuse-c existed, the abuse-mailbox of a technical or admin role was the abuse desk.
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                for (String attribute : List.of("tech-c", "admin-c")) {
                    for (String h : net.handles(attribute)) {
                        double c = 0.70 - depth * LEVEL;
                        party(h).filter(p -> !p.abuseMailboxes().isEmpty()).ifPresent(p -> add(Role.ABUSE, p, p.abuseMailboxes(),
                                List.of(net.label(), attribute + " " + h, p.label(), "abuse-mailbox"), net, c, Set.of()));
                    }
                }
            }
        }

        private void orgContacts(NetworkRecord net, String attribute, String label, Role role, double confidence) {
            if (net.org() == null) {
                return;
            }
            party(net.org()).ifPresent(org -> {
                for (String h : org.handles(attribute)) {
                    party(h).ifPresent(p -> add(role, p, p.emails(), List.of(net.label(), org.label(), label + " " + h, p.label()),
                            net, confidence, Set.of()));
                }
            });
        }

        private void technical() {
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                double level = depth * LEVEL;
                for (String h : net.handles("rtech")) {
                    party(h).ifPresent(p -> add(Role.TECHNICAL, p, p.emails(), List.of(net.label(), "RTech " + h, p.label()), net,
                            0.52 - level, Set.of()));
                }
                for (String h : net.handles("tech-c")) {
                    party(h).ifPresent(p -> add(Role.TECHNICAL, p, p.emails(), List.of(net.label(), "tech-c " + h, p.label(), "e-mail"),
                            net, 0.50 - level, Set.of()));
                }
                orgContacts(net, "orgtech", "OrgTech", Role.TECHNICAL, 0.48 - level);
                for (String h : net.handles("rnoc")) {
                    party(h).ifPresent(p -> add(Role.NOC, p, p.emails(), List.of(net.label(), "RNOC " + h, p.label()), net,
                            0.46 - level, Set.of()));
                }
                orgContacts(net, "orgnoc", "OrgNOC", Role.NOC, 0.45 - level);
                for (String attribute : List.of("admin-c", "owner-c")) {
                    for (String h : net.handles(attribute)) {
                        party(h).ifPresent(p -> add(Role.ADMIN, p, p.emails(), List.of(net.label(), attribute + " " + h, p.label(),
                                "e-mail"), net, 0.40 - level, Set.of()));
                    }
                }
                for (TextEmail t : net.textEmails()) {
                    if (t.attribute().equals("tech-email")) {
                        out.add(Role.TECHNICAL, null, List.of(t.email()), null, server + " " + net.label(), List.of(net.label(), t.text()),
                                net.lastModified(), 0.40 - level - penalty, Set.of());
                    }
                }
                if (net.org() != null) {
                    party(net.org()).filter(o -> !o.emails().isEmpty()).ifPresent(o -> add(Role.ADMIN, o, o.emails(),
                            List.of(net.label(), o.label(), "e-mail"), net, 0.35 - level, Set.of()));
                }
            }
        }

        private void remarks() {
            Set<CandidateFlag> fromRemarks = EnumSet.of(CandidateFlag.FROM_REMARKS);
            for (int depth = 0; depth < nets.size(); depth++) {
                NetworkRecord net = nets.get(depth);
                for (TextEmail t : net.textEmails()) {
                    if (!t.attribute().equals("tech-email")) {
                        remark(net, null, t, 0.25 - depth * LEVEL, fromRemarks, List.of(net.label(), t.attribute() + ": " + t.text()));
                    }
                }
                for (var ref : net.contacts()) {
                    party(ref.handle()).ifPresent(p -> {
                        for (TextEmail t : p.textEmails()) {
                            remark(net, p, t, 0.20, fromRemarks, List.of(net.label(), ref.attribute() + " " + ref.handle(), p.label(),
                                    t.attribute() + ": " + t.text()));
                        }
                    });
                }
            }
        }

        private void remark(NetworkRecord net, Party p, TextEmail t, double confidence, Set<CandidateFlag> flags, List<String> path) {
            Role role = ABUSE_WORDS.matcher(t.text()).find() ? Role.ABUSE : Role.TECHNICAL;
            out.add(role, p == null ? null : p.handle(), List.of(t.email()), null, server + " " + (p == null ? net.label() : p.label()),
                    path, net.lastModified(), confidence - penalty, flags);
        }

        private static boolean sameRange(NetworkRecord net, String range) {
            if (net.key().equalsIgnoreCase(range.strip())) {
                return true;
            }
            try {
                return IpRange.parse(range).equals(net.range());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
