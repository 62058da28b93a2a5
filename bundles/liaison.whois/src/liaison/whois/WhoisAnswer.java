package liaison.whois;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One registry's answer in Liaison's model, whatever its format (RPSL, ARIN key: value blocks, LACNIC,
 * JPNIC bracket labels, KRNIC): the objects holding resources, the contact objects by handle, and what
 * the server said in comments.
 *
 * @param response        the exchange it was read from (raw text included)
 * @param registry        the registry that answered
 * @param networks        resource objects, least specific first
 * @param parties         contact objects by upper-case handle
 * @param abuseNotices    {@code % Abuse contact for 'X' is 'Y'} lines
 * @param noAbuseContact  ranges of {@code % No abuse contact registered for X} lines
 * @param suspectMailboxes abuse mailboxes the registry says failed validation
 * @param referral        where the answer says to ask next, or null
 * @param notFound        true when the server said it has nothing for the query
 * @param warnings        oddities worth showing (a truncated answer, lines that could not be read)
 */
public record WhoisAnswer(WhoisResponse response, Registry registry, List<NetworkRecord> networks,
        Map<String, Party> parties, List<AbuseNotice> abuseNotices, List<String> noAbuseContact,
        Set<String> suspectMailboxes, Referral referral, boolean notFound, List<String> warnings) {

    /** {@code % Abuse contact for 'range' is 'email'}. */
    public record AbuseNotice(String range, String email) {
    }

    public WhoisAnswer {
        networks = networks.stream().sorted(Comparator.comparing(NetworkRecord::size).reversed()).toList();
        parties = Map.copyOf(parties);
        abuseNotices = List.copyOf(abuseNotices);
        noAbuseContact = List.copyOf(noAbuseContact);
        suspectMailboxes = Set.copyOf(suspectMailboxes);
        warnings = List.copyOf(warnings);
    }

    /** The most specific resource object, if any. */
    public Optional<NetworkRecord> mostSpecific() {
        return networks.isEmpty() ? Optional.empty() : Optional.of(networks.get(networks.size() - 1));
    }

    public Optional<Party> party(String handle) {
        return Optional.ofNullable(parties.get(handle.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The answer carries neither resource objects nor contacts. */
    public boolean empty() {
        return networks.isEmpty() && parties.isEmpty() && abuseNotices.isEmpty();
    }
}
