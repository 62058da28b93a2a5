package liaison.whois.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liaison.whois.NetworkRecord;
import liaison.whois.Party;
import liaison.whois.Referral;
import liaison.whois.Registry;
import liaison.whois.WhoisAnswer;
import liaison.whois.WhoisAnswer.AbuseNotice;
import liaison.whois.WhoisResponse;

/** Collects a {@link WhoisAnswer}; the per-format readers fill it. */
final class AnswerBuilder {
    final WhoisResponse response;
    final Registry registry;
    final List<NetworkRecord> networks = new ArrayList<>();
    final Map<String, Party> parties = new LinkedHashMap<>();
    final List<AbuseNotice> abuseNotices = new ArrayList<>();
    final List<String> noAbuseContact = new ArrayList<>();
    final Set<String> suspect = new HashSet<>();
    final List<String> warnings = new ArrayList<>();
    Referral referral;
    boolean notFound;

    AnswerBuilder(WhoisResponse response, Registry registry) {
        this.response = response;
        this.registry = registry;
    }

    /** Adds a contact object; a handle seen twice (ARIN lists one POC as OrgAbuse and OrgTech) is kept once. */
    void party(Party p) {
        if (p.handle() != null && !p.handle().isBlank()) {
            parties.putIfAbsent(p.handle().toUpperCase(Locale.ROOT), p);
        }
    }

    WhoisAnswer build() {
        boolean nothing = networks.isEmpty() && parties.isEmpty() && abuseNotices.isEmpty();
        return new WhoisAnswer(response, registry, networks, parties, abuseNotices, noAbuseContact, suspect, referral,
                notFound || nothing && referral == null, warnings);
    }
}
