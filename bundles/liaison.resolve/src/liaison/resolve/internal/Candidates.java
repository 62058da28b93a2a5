package liaison.resolve.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Role;
import liaison.whois.Mailboxes;
import liaison.whois.Registry;

/**
 * Collects contact candidates and applies the rules every source shares: addresses normalised; the
 * registry's own staff (hostmaster, helpdesk) never outranks anyone else as a network's contact;
 * a placeholder address ranks last; an address the registry says failed validation is suspect.
 * {@link #ranked()} merges candidates naming the same address and sorts them, best first.
 */
final class Candidates {

    /** Confidence ceiling of a registry's own staff address for a network that is not the registry's. */
    static final double STAFF = 0.1;
    private static final Set<String> PLACEHOLDERS = Set.of("unread@ripe.net");

    private final List<ContactCandidate> all = new ArrayList<>();
    private final Set<String> suspect;
    private final boolean cached;

    /**
     * @param suspect addresses (lower case) the registry flagged as failing validation
     * @param cached  true when the answers came from the cache
     */
    Candidates(Set<String> suspect, boolean cached) {
        this.suspect = suspect;
        this.cached = cached;
    }

    void add(Role role, String name, List<String> rawEmails, String phone, String source, List<String> path,
            Instant lastModified, double confidence, Set<CandidateFlag> extra) {
        List<String> emails = Mailboxes.normaliseAll(rawEmails);
        if (emails.isEmpty() && (phone == null || phone.isBlank())) {
            return;
        }
        if (emails.isEmpty() && !path.isEmpty() && Set.of("e-mail", "email", "abuse-mailbox").contains(path.get(path.size() - 1))) {
            path = new ArrayList<>(path.subList(0, path.size() - 1));
            path.add("phone");
        }
        Set<CandidateFlag> flags = extra.isEmpty() ? EnumSet.noneOf(CandidateFlag.class) : EnumSet.copyOf(extra);
        double c = confidence;
        if (role != Role.IRT && emails.stream().anyMatch(Registry::isStaffAddress)) {
            flags.add(CandidateFlag.REGISTRY_CONTACT);
            c = Math.min(c, STAFF);
        }
        if (emails.stream().anyMatch(PLACEHOLDERS::contains)) {
            flags.add(CandidateFlag.PLACEHOLDER_ADDRESS);
            c = Math.min(c, 0.05);
        }
        if (emails.stream().anyMatch(e -> suspect.contains(e.toLowerCase(Locale.ROOT)))) {
            flags.add(CandidateFlag.SUSPECT_ADDRESS);
            c *= 0.6;
        }
        if (cached) {
            flags.add(CandidateFlag.CACHED);
        }
        c = Math.round(Math.max(0, Math.min(1, c)) * 100) / 100.0;
        all.add(new ContactCandidate(role, name, emails, phone == null || phone.isBlank() ? null : phone.strip(), source, path,
                lastModified, c, flags));
    }

    List<ContactCandidate> ranked() {
        return rank(all);
    }

    /**
     * Sorts candidates best first (among equals, in the order found) and offers each address once: a
     * candidate keeps only the addresses no better candidate offered, and is dropped when none is left
     * (or, without addresses, when a better one has the same role, name and phone).
     */
    static List<ContactCandidate> rank(List<ContactCandidate> candidates) {
        List<ContactCandidate> byConfidence = new ArrayList<>(candidates);
        byConfidence.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        List<ContactCandidate> kept = new ArrayList<>();
        Set<String> offered = new HashSet<>();
        Set<String> phoneOnly = new HashSet<>();
        for (ContactCandidate c : byConfidence) {
            if (c.emails().isEmpty()) {
                if (phoneOnly.add(c.role().id() + " " + c.name() + " " + c.phone())) {
                    kept.add(c);
                }
                continue;
            }
            List<String> fresh = c.emails().stream().filter(e -> !offered.contains(e.toLowerCase(Locale.ROOT))).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            fresh.forEach(e -> offered.add(e.toLowerCase(Locale.ROOT)));
            kept.add(fresh.size() == c.emails().size() ? c : new ContactCandidate(c.role(), c.name(), fresh, c.phone(), c.source(),
                    c.path(), c.lastModified(), c.confidence(), c.flags()));
        }
        return List.copyOf(kept);
    }
}
