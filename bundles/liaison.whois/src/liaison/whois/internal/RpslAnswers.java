package liaison.whois.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.api.InputException;
import liaison.rpsl.RpslAttribute;
import liaison.rpsl.RpslDocument;
import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslParser;
import liaison.whois.Referral;
import liaison.whois.Registry;
import liaison.whois.WhoisAnswer.AbuseNotice;
import liaison.whois.WhoisServer;

/**
 * Reads RPSL answers: RIPE, APNIC, AFRINIC (RIPE software), LACNIC (its own dialect: short prefixes,
 * {@code nic-hdl:} blocks, {@code ownerid:}), IANA and NIRs that speak RPSL. Also finds the server
 * comments about abuse contacts and the referrals RPSL answers carry.
 */
final class RpslAnswers {

    private static final Pattern ABUSE_LINE = Pattern.compile("Abuse contact for '([^']*)' is '([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_ABUSE_LINE = Pattern.compile("No abuse contact registered for (.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_*-]+:.*");
    private static final Pattern TRANSFERRED = Pattern.compile("transferred to the (ARIN|RIPE|APNIC|LACNIC|AFRINIC|AfriNIC) region",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LACNIC_RESOURCE = Pattern.compile("LACNIC resource:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_FOUND = Pattern.compile("no entries found|no match|not found|no data found",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NETWORKS = Set.of("inetnum", "inet6num", "aut-num", "as-block");
    private static final Set<String> PARTIES = Set.of("role", "person", "irt", "organisation", "mntner", "nic-hdl");
    private static final Set<String> CONTACT_ATTRIBUTES = Set.of("abuse-c", "tech-c", "admin-c", "owner-c", "mnt-irt", "zone-c");
    /** Stub objects that say "not ours": RIPE's placeholder for space it does not manage, APNIC's ERX and non-APNIC blocks. */
    private static final Pattern STUB = Pattern.compile("NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK|IANA-BLK|ERX-NETBLOCK|not allocated to APNIC"
            + "|not allocated by APNIC|not managed by the RIPE NCC|not administered by APNIC|not registered in the .* database",
            Pattern.CASE_INSENSITIVE);

    private RpslAnswers() {
    }

    static void read(AnswerBuilder answer) throws InputException {
        read(answer, tolerant(answer));
    }

    /** Reads RPSL text standing for the answer (an extension's translation of it). */
    static void read(AnswerBuilder answer, String text) throws InputException {
        RpslDocument doc = RpslParser.parse(answer.response.server().toString(), text);
        for (RpslObject o : doc.objects()) {
            String type = o.type();
            if (NETWORKS.contains(type)) {
                answer.networks.add(network(o));
            } else if (PARTIES.contains(type)) {
                answer.party(party(o));
            }
        }
        comments(answer, doc.serverComments());
        answer.referral = referral(answer, doc);
    }

    /**
     * Turns lines that are not RPSL into server comments, with a warning: a whois answer is not a
     * curated dump, and one odd line must not lose the objects around it.
     */
    private static String tolerant(AnswerBuilder answer) {
        StringBuilder out = new StringBuilder(answer.response.text().length() + 64);
        boolean inObject = false;
        int n = 0;
        for (String line : answer.response.text().split("\r?\n", -1)) {
            n++;
            if (line.isBlank()) {
                inObject = false;
                out.append('\n');
                continue;
            }
            char c = line.charAt(0);
            boolean ok = c == '%' || c == '#' || (inObject && (c == ' ' || c == '\t' || c == '+')) || ATTRIBUTE.matcher(line).matches();
            if (!ok) {
                answer.warnings.add("line " + n + " is not RPSL and was skipped: " + abbreviate(line));
                out.append("% ").append(line).append('\n');
                continue;
            }
            if (c != '%' && c != '#') {
                inObject = true;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static liaison.whois.NetworkRecord network(RpslObject o) {
        NetworkBuilder b = new NetworkBuilder(o.type(), o.key());
        switch (o.type()) {
            case "inetnum", "inet6num" -> b.range = Text.range(o.key());
            default -> b.asRange(Text.asRange(o.key()));
        }
        b.name = o.get("netname").or(() -> o.get("as-name")).or(() -> o.get("owner")).orElse(null);
        b.country = o.get("country").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        b.status = o.get("status").orElse(null);
        b.org = o.get("org").or(() -> o.get("ownerid")).orElse(null);
        b.source = o.get("source").orElse(null);
        for (RpslAttribute a : o.attributes()) {
            if (CONTACT_ATTRIBUTES.contains(a.name())) {
                for (String h : a.cleanValue().split(",")) {
                    b.contact(a.name(), h);
                }
            } else if (a.name().equals("remarks") || a.name().equals("descr")) {
                b.remark(a.name(), a.cleanValue());
            }
        }
        b.lastModified = lastModified(o);
        return b.build();
    }

    private static liaison.whois.Party party(RpslObject o) {
        String type = o.type().equals("nic-hdl") ? "person" : o.type();
        String handle = switch (o.type()) {
            case "role", "person" -> o.get("nic-hdl").orElse(o.key());
            default -> o.key();
        };
        PartyBuilder b = new PartyBuilder(type, handle);
        b.name = switch (o.type()) {
            case "organisation" -> o.get("org-name").orElse(null);
            case "nic-hdl" -> o.get("person").or(() -> o.get("role")).orElse(null);
            case "role", "person", "irt" -> o.key();
            default -> null;
        };
        for (RpslAttribute a : o.attributes()) {
            switch (a.name()) {
                case "e-mail" -> b.email(a.cleanValue());
                case "abuse-mailbox" -> b.abuseMailboxes.add(a.cleanValue());
                case "phone" -> b.phone(a.cleanValue());
                case "abuse-c", "tech-c", "admin-c", "org" -> {
                    for (String h : a.cleanValue().split(",")) {
                        b.contact(a.name(), h);
                    }
                }
                case "remarks", "descr" -> Text.collectEmails(a.name(), a.cleanValue(), b.textEmails);
                default -> {
                    // other attributes do not name contacts
                }
            }
        }
        b.lastModified = lastModified(o);
        return b.build();
    }

    /** {@code last-modified:}, else the latest date among {@code changed:} values. */
    private static java.time.Instant lastModified(RpslObject o) {
        java.time.Instant t = o.get("last-modified").map(Text::date).orElse(null);
        if (t != null) {
            return t;
        }
        for (String changed : o.getAll("changed")) {
            t = Text.later(t, Text.date(changed));
        }
        return t;
    }

    private static void comments(AnswerBuilder answer, List<String> comments) {
        AbuseNotice last = null;
        for (String c : comments) {
            Matcher m = ABUSE_LINE.matcher(c);
            if (m.find()) {
                last = new AbuseNotice(m.group(1).strip(), m.group(2).strip());
                if (!last.email().isEmpty()) {
                    answer.abuseNotices.add(last);
                }
                continue;
            }
            Matcher none = NO_ABUSE_LINE.matcher(c);
            if (none.find()) {
                answer.noAbuseContact.add(none.group(1).strip());
                continue;
            }
            if (c.toLowerCase(Locale.ROOT).contains("abuse-mailbox validation failed") && last != null) {
                answer.suspect.add(last.email().toLowerCase(Locale.ROOT));
            }
            if (NOT_FOUND.matcher(c).find() && !c.toLowerCase(Locale.ROOT).contains("abuse")) {
                answer.notFound = true;
            }
        }
    }

    /** Where an RPSL answer says to ask next, if anywhere. */
    private static Referral referral(AnswerBuilder answer, RpslDocument doc) {
        // IANA: "refer:" names the registry's server; "whois:" is given per object.
        for (String name : List.of("refer", "whois")) {
            for (RpslObject o : doc.objects()) {
                for (String v : o.getAll(name)) {
                    if (!v.isBlank()) {
                        return new Referral(WhoisServer.parse(v), "IANA '" + name + ": " + v + "'");
                    }
                }
            }
        }
        for (String c : doc.serverComments()) {
            Matcher m = LACNIC_RESOURCE.matcher(c);
            if (m.find() && Registry.ofHost(m.group(1)) != answer.registry) {
                return new Referral(WhoisServer.parse(m.group(1)), "LACNIC '" + c.strip() + "'");
            }
        }
        var specific = answer.networks.stream().min(java.util.Comparator.comparing(liaison.whois.NetworkRecord::size));
        if (specific.isEmpty()) {
            return null;
        }
        liaison.whois.NetworkRecord net = specific.get();
        // APNIC mirrors NIR objects partially: the NIR's own server has the rest (source JPNIC, KRNIC, TWNIC).
        if (net.source() != null && answer.registry == Registry.APNIC) {
            Registry nir = Registry.ofName(net.source());
            if (nir == Registry.JPNIC || nir == Registry.KRNIC || nir == Registry.TWNIC) {
                return new Referral(nir.whoisServer(), net.label() + " comes from " + net.source()
                        + "; APNIC's remarks send it to " + nir.whoisServer());
            }
        }
        String all = (net.name() == null ? "" : net.name() + "\n") + String.join("\n", net.remarks());
        Matcher t = TRANSFERRED.matcher(all);
        if (t.find()) {
            Registry to = Registry.ofName(t.group(1));
            if (to != answer.registry && to.whoisServer() != null) {
                return new Referral(to.whoisServer(), net.label() + ": '" + t.group().strip() + "'");
            }
        }
        if (STUB.matcher(all).find() && answer.registry != Registry.IANA) {
            return new Referral(Registry.IANA.whoisServer(), net.label() + " is a placeholder: the space is not "
                    + answer.registry.id() + "'s; IANA says who holds it");
        }
        return null;
    }
}
