package liaison.constituency;

import java.util.List;

/**
 * The answer for one address: what {@code liaison constituency map} prints.
 *
 * @param query        the address as asked
 * @param inetnum      the smallest registry range containing it (query a), or null
 * @param irt          the irt of the smallest containing range that has {@code mnt-irt} (query b, ripe-254 {@code -c}), or null
 * @param irtEmail     that irt's {@code abuse-mailbox}, else its first {@code e-mail}; null when unknown
 * @param abuseMailbox the abuse mailbox by RIPE's rule (query c), or null
 * @param claims       every claim covering the address, ranked (query d)
 */
public record Mapping(String query, Claim inetnum, String irt, String irtEmail, String abuseMailbox, List<Claim> claims) {

    public Mapping {
        claims = List.copyOf(claims);
    }
}
