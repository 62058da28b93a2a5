package liaison.resolve.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Role;
import liaison.api.resolve.NetworkInfo;
import liaison.rdap.Jcard;
import liaison.rdap.RdapEntity;
import liaison.rdap.RdapNotice;
import liaison.rdap.RdapObject;
import liaison.whois.Mailboxes;

/**
 * Turns an RDAP object into ranked candidates by walking its entities and the entities nested in
 * them: ARIN's abuse POC sits under the registrant, a gTLD registrar's abuse contact under the
 * registrar; an entity in the {@code abuse} role whose handle is an irt's ({@code IRT-...}, as APNIC and
 * RIPE publish {@code mnt-irt}) is the irt. Same order and confidences as for whois answers.
 */
final class RdapCandidates {

    private static final Pattern ABUSE_WORDS = Pattern.compile("abuse|spam|security|incident|cert|csirt|phish",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 4;
    private static final Comparator<Jcard.Value> ABUSE_MAILBOX_FIRST = Comparator
            .comparing((Jcard.Value v) -> !v.types().contains("abuse")).thenComparing(v -> v.pref() != 1);

    private RdapCandidates() {
    }

    static List<ContactCandidate> build(RdapObject o, String registry, String url, LookupContext ctx, boolean cached) {
        Candidates out = new Candidates(Set.of(), cached);
        String label = (o.objectClassName() == null ? "object" : o.objectClassName()) + " " + o.key();
        walk(o.entities(), List.of(label), List.of(), o, url, out, 0);
        for (RdapNotice r : o.remarks()) {
            for (String line : r.description()) {
                for (String e : Mailboxes.normaliseAll(Mailboxes.inText(line))) {
                    out.add(ABUSE_WORDS.matcher(line).find() ? Role.ABUSE : Role.TECHNICAL, null, List.of(e), null, url,
                            List.of(label, "remarks: " + line.strip()), o.lastChanged(), 0.25, EnumSet.of(CandidateFlag.FROM_REMARKS));
                }
            }
        }
        ctx.registry(registry);
        ctx.recordNetwork(new NetworkInfo(registry, o.key(), o.name(), o.country()));
        for (RdapNotice n : o.notices()) {
            ctx.notice(url + ": " + n.text());
        }
        o.warnings().forEach(w -> ctx.problem(url + ": " + w));
        return out.ranked();
    }

    private static void walk(List<RdapEntity> entities, List<String> path, List<String> parentRoles, RdapObject o, String url,
            Candidates out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (RdapEntity e : entities) {
            String step = "entity " + (e.handle() == null ? "?" : e.handle()) + (e.roles().isEmpty() ? "" : " (" + String.join(", ", e.roles()) + ")");
            List<String> here = new ArrayList<>(path);
            here.add(step);
            Jcard card = e.vcard();
            // The abuse-mailbox comes first among a role's addresses: RIPE types it "abuse", APNIC gives it pref 1
            List<String> emails = card == null ? List.of() : card.emails().stream().sorted(ABUSE_MAILBOX_FIRST)
                    .map(Jcard.Value::value).toList();
            String phone = card == null || card.phones().isEmpty() ? null : card.phones().get(0).value();
            Instant modified = e.lastChanged() != null ? e.lastChanged() : o.lastChanged();
            double level = depth * 0.01;
            for (String role : e.roles()) {
                Role r;
                double c;
                switch (role) {
                    case "abuse" -> {
                        boolean irt = e.handle() != null && e.handle().toUpperCase(java.util.Locale.ROOT).startsWith("IRT-");
                        boolean registrar = parentRoles.contains("registrar");
                        r = irt ? Role.IRT : registrar ? Role.REGISTRAR_ABUSE : Role.ABUSE;
                        c = irt ? 0.95 : registrar ? 0.80 : 0.86;
                    }
                    case "technical" -> {
                        r = Role.TECHNICAL;
                        c = 0.50;
                    }
                    case "noc" -> {
                        r = Role.NOC;
                        c = 0.45;
                    }
                    case "administrative" -> {
                        r = Role.ADMIN;
                        c = 0.40;
                    }
                    case "registrant" -> {
                        r = Role.ADMIN;
                        c = 0.35;
                    }
                    default -> {
                        continue; // registrar, reseller, sponsor: their own cards are not contacts for the resource
                    }
                }
                List<String> p = new ArrayList<>(here);
                p.add(emails.isEmpty() ? "tel" : "email");
                out.add(r, e.handle(), emails, phone, e.handle() == null ? url : url + " " + e.handle(), p, modified,
                        c - level, Set.of());
            }
            for (RdapNotice remark : e.remarks()) {
                for (String line : remark.description()) {
                    for (String mail : Mailboxes.normaliseAll(Mailboxes.inText(line))) {
                        List<String> p = new ArrayList<>(here);
                        p.add("remarks: " + line.strip());
                        out.add(ABUSE_WORDS.matcher(line).find() ? Role.ABUSE : Role.TECHNICAL, e.handle(), List.of(mail), null, url,
                                p, modified, 0.20, EnumSet.of(CandidateFlag.FROM_REMARKS));
                    }
                }
            }
            walk(e.entities(), here, e.roles(), o, url, out, depth + 1);
        }
    }
}
