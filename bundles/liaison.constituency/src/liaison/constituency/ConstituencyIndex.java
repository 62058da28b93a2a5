package liaison.constituency;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import liaison.api.LiaisonException;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;

/**
 * An opened constituency index. Queries read a memory-mapped snapshot; {@link #refresh()} switches to
 * the directory's newest snapshot. Thread-safe: queries may run concurrently with a refresh.
 */
public interface ConstituencyIndex extends AutoCloseable {

    /** The index directory. */
    Path location();

    /** The datasets of the current snapshot. */
    List<Dataset> datasets();

    /** Ranges (address and ASN) in the current snapshot, every layer counted. */
    long ranges();

    /** Switches to the newest snapshot when a load has replaced it; true when it did. */
    boolean refresh() throws LiaisonException;

    /** Query (a): the smallest registry range containing the address. */
    Optional<Claim> smallest(IpAddress address);

    /** Query (b), ripe-254 {@code -c}: the smallest containing registry range with {@code mnt-irt}. */
    Optional<Claim> irtRange(IpAddress address);

    /**
     * Query (c): the abuse mailbox by RIPE's rule — the resource's own abuse-c, else its organisation's
     * abuse-c, else the same question one level less specific. For addresses and ASNs.
     */
    Optional<String> abuseMailbox(Resource resource);

    /** Queries (a), (b), (c) and (d) for one address at once. */
    Mapping map(IpAddress address);

    /**
     * Query (d): every claim covering the resource (address, range, ASN or domain), ranked: prefixes
     * most specific first, then ASNs, domain suffixes and countries; overlaps explained in each note.
     */
    List<Claim> claims(Resource resource);

    /** Registry inetnum/inet6num objects for a range query, as the whois flags select them. */
    List<IndexedObject> ranges(IpRange query, RangeScope scope);

    /** Objects whose lookup key is the text (aut-num {@code AS3333}, irt, nic-hdl, organisation, mntner, ...). */
    List<IndexedObject> objects(String key);

    @Override
    void close();
}
