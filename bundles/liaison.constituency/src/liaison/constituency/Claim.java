package liaison.constituency;

import java.time.LocalDate;
import java.util.List;

/**
 * One claim on a resource: a registry object, a RIR statistics record or a team's stated
 * constituency, with what it says and why it applies.
 *
 * @param layer      where the claim comes from
 * @param kind       what is claimed; claims rank by kind (prefix, ASN, domain suffix, country), then specificity
 * @param resource   the claimed resource as its source writes it: an inetnum's primary key
 *                   {@code 193.0.0.0 - 193.0.7.255}, {@code 2001:db8::/32}, {@code AS3333}, {@code example.org}, {@code FR}
 * @param objectType {@code inetnum}, {@code inet6num}, {@code aut-num}, {@code delegated} or {@code team}
 * @param owner      who claims it: the organisation handle (else netname or as-name) of a registry object,
 *                   the registry of a statistics record, the team of a directory entry
 * @param mntIrt     the object's own {@code mnt-irt} values
 * @param irt        the irt responsible here per ripe-254 {@code -c} (own or inherited), or null
 * @param abuseC     the object's own {@code abuse-c}, or null
 * @param org        the object's {@code org}, or null
 * @param netname    {@code netname} (or {@code as-name}), or null
 * @param country    country code, or null
 * @param status     {@code status}, or null
 * @param contact    the e-mail to use: the abuse mailbox by RIPE's rule for registry objects, the team's
 *                   address for directory claims; null when none
 * @param source     the RPSL {@code source:} (RIPE), the registry (ripencc) or the team provider
 * @param dataset    the dataset holding the claim
 * @param imported   the dataset's import date
 * @param level      0 for the most specific claim of its layer, 1 for one level less specific, ...
 * @param note       why the claim applies and how it relates to the others (overlaps, takeovers)
 */
public record Claim(Layer layer, Kind kind, String resource, String objectType, String owner, List<String> mntIrt,
        String irt, String abuseC, String org, String netname, String country, String status, String contact,
        String source, String dataset, LocalDate imported, int level, String note) {

    public Claim {
        mntIrt = mntIrt == null ? List.of() : List.copyOf(mntIrt);
    }

    /** Where a claim comes from. */
    public enum Layer {
        /** RPSL objects of a registry dump or of the team's own file. */
        REGISTRY,
        /** A team's constituency in the peer directory. */
        DIRECTORY,
        /** RIR delegated statistics: which registry and country a block belongs to. */
        STATISTICS
    }

    /** What is claimed, in ranking order. */
    public enum Kind {
        PREFIX, ASN, DOMAIN, COUNTRY
    }

    /** A copy with another note. */
    public Claim withNote(String newNote) {
        return new Claim(layer, kind, resource, objectType, owner, mntIrt, irt, abuseC, org, netname, country, status,
                contact, source, dataset, imported, level, newNote);
    }
}
