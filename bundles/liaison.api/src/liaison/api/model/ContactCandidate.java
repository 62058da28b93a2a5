package liaison.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Someone who could be told about an incident involving a resource, with the evidence for it.
 * A lookup returns all candidates, best first; each says where it came from and how, so the
 * handler can judge it.
 *
 * @param role         why this is a candidate
 * @param name         the handle or team name (an irt name, a role handle, an ARIN POC handle), or null
 * @param emails       e-mail addresses, best first; may be empty when only a phone or web form is known
 * @param phone        a phone number, or null
 * @param source       where the data was read: a whois server, an RDAP URL, a dump file, a directory source
 * @param path         how the candidate was reached from the resource, one step per element, e.g.
 *                     {@code [inetnum 193.0.0.0 - 193.0.7.255, org ORG-X, role AR1, abuse-mailbox]}
 * @param lastModified when the registry object was last changed, or null when unknown
 * @param confidence   between 0 and 1; how sure Liaison is that this contact acts on reports
 * @param flags        caveats (suspect address, found in remarks, ...)
 */
public record ContactCandidate(Role role, String name, List<String> emails, String phone, String source,
        List<String> path, Instant lastModified, double confidence, Set<CandidateFlag> flags) {

    public ContactCandidate {
        if (role == null) {
            throw new IllegalArgumentException("a contact candidate needs a role");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within [0,1]: " + confidence);
        }
        emails = emails == null ? List.of() : List.copyOf(emails);
        path = path == null ? List.of() : List.copyOf(path);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** The first e-mail address, or null. */
    public String email() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    /** The path joined with arrows, as shown to people: {@code inetnum X → org Y → abuse-mailbox}. */
    public String pathText() {
        return String.join(" \u2192 ", path);
    }

    public boolean has(CandidateFlag flag) {
        return flags.contains(flag);
    }
}
