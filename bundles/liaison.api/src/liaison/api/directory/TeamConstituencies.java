package liaison.api.directory;

import java.time.Instant;
import java.util.List;

import liaison.api.model.Team;

/**
 * The teams whose constituencies the peer directory currently knows, published for consumers that
 * index them — the constituency mapper answers "which team covers this address, ASN, domain or
 * country?" offline from it. The peer directory provides this service once it has merged its
 * sources; anything else that knows teams (a CMDB bridge) may provide it too.
 *
 * <p>Contract: {@link #teams()} returns an immutable, complete snapshot of the teams that state a
 * non-empty {@link liaison.api.model.Constituency} (others may be included and are ignored); each
 * team's {@link Team#sourceKey()} is unique within the snapshot. Thread-safe; it may read a store
 * but must not block on the network.
 */
public interface TeamConstituencies {

    /** Stable id of the provider, recorded as the source of the claims built from it ({@code directory}). */
    String id();

    /** When the snapshot was last changed, for the claims' import date. */
    Instant asOf();

    /** The teams and their constituencies. */
    List<Team> teams();
}
