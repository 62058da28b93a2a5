package liaison.resolve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How to run a lookup.
 *
 * @param via          which protocol to use
 * @param offline      answer from the cache only, send nothing
 * @param endpoints    where servers really are ({@link Endpoints#NONE} for the Internet)
 * @param bootstrapDir a directory holding the IANA bootstrap files, or null for the workspace's
 *                     (after {@code liaison bootstrap update}) or else the shipped snapshot
 * @param timeout      the most one resource's lookup may take
 * @param cancelled    asked between steps; true stops the lookup
 */
public record LookupOptions(Via via, boolean offline, Endpoints endpoints, Path bootstrapDir, Duration timeout,
        BooleanSupplier cancelled) {

    /** Defaults: automatic protocol choice, online, no endpoint mapping, two minutes per resource. */
    public static final LookupOptions DEFAULT = new LookupOptions(Via.AUTO, false, Endpoints.NONE, null, Duration.ofMinutes(2),
            () -> false);

    public LookupOptions {
        via = via == null ? Via.AUTO : via;
        endpoints = endpoints == null ? Endpoints.NONE : endpoints;
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public LookupOptions withCancelled(BooleanSupplier c) {
        return new LookupOptions(via, offline, endpoints, bootstrapDir, timeout, c);
    }
}
