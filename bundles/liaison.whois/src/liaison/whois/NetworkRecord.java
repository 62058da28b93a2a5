package liaison.whois;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import liaison.api.model.IpRange;

/**
 * An object of an answer that holds resources: an inetnum or inet6num, an ARIN NetRange, an aut-num or
 * ARIN ASNumber, a JPNIC or KRNIC network, a domain. Registries' formats differ; this is what Liaison
 * reads from each.
 *
 * @param type         object class as the registry names it ({@code inetnum}, {@code NetRange},
 *                     {@code aut-num}, {@code network} for NIR answers, {@code domain})
 * @param key          the key as written ({@code 62.239.237.0 - 62.239.237.255}, {@code AS3333})
 * @param range        the addresses covered, or null for ASNs and domains
 * @param asFirst      first AS number covered, or null
 * @param asLast       last AS number covered, or null
 * @param name         netname / NetName / as-name / network name, or null
 * @param country      country code, or null
 * @param status       status or NetType, or null
 * @param org          handle of the holding organisation, or null
 * @param contacts     the contacts the object names, in order
 * @param textEmails   addresses found in the object's free text
 * @param lastModified when the object last changed, or null
 * @param source       the object's {@code source:} ({@code RIPE}, {@code KRNIC}, ...), or null
 * @param remarks      the object's remarks and descriptions, in order
 */
public record NetworkRecord(String type, String key, IpRange range, Long asFirst, Long asLast, String name,
        String country, String status, String org, List<ContactRef> contacts, List<TextEmail> textEmails,
        Instant lastModified, String source, List<String> remarks) {

    public NetworkRecord {
        contacts = List.copyOf(contacts);
        textEmails = List.copyOf(textEmails);
        remarks = List.copyOf(remarks);
    }

    /** Handles named by an attribute ({@code abuse-c}, {@code mnt-irt}, ...), in order. */
    public List<String> handles(String attribute) {
        return contacts.stream().filter(c -> c.attribute().equals(attribute)).map(ContactRef::handle).toList();
    }

    /** Number of addresses or AS numbers covered; used to order objects from least to most specific. */
    public BigInteger size() {
        if (range != null) {
            return range.size();
        }
        if (asFirst != null && asLast != null) {
            return BigInteger.valueOf(asLast - asFirst + 1);
        }
        return BigInteger.ONE;
    }

    /** How the object is named in explanations: {@code inetnum 62.239.237.0 - 62.239.237.255}. */
    public String label() {
        return type + " " + key;
    }
}
