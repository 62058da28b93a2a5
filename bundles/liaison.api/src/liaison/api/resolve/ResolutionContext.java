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
}
