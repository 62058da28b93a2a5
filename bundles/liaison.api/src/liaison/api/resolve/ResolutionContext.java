package liaison.api.resolve;

import java.time.Duration;

/**
 * What a {@link ResolverStep} may know about the lookup it takes part in. Implemented by the
 * resolver; steps only read it.
 */
public interface ResolutionContext {

    /** True when no network may be used: answer from caches and local data only. */
    boolean offline();

    /** How long the step may take before the resolver gives up on it. */
    Duration timeout();

    /** True once the user cancelled the lookup; long-running steps should check it and stop. */
    boolean cancelled();

    /** Records one query the step sent (server and query text), for the explanation chain. */
    void recordQuery(String server, String query);

    /**
     * Records the answer to a query recorded before, as text, so the analyst can read what the
     * server said. Steps that have no raw answer need not call it.
     */
    default void recordAnswer(String server, String query, String answer) {
    }

    /**
     * Records what the registry says about the network, AS or domain holding the resource; the
     * resolver shows the most specific one reported.
     */
    default void recordNetwork(NetworkInfo network) {
    }
}
