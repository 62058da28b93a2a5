package liaison.resolve.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import liaison.api.LiaisonException;
import liaison.resolve.Endpoints;
import liaison.resolve.Politeness;
import liaison.whois.WhoisServer;

/**
 * Politeness per server: at most so many queries in flight, at least so long between two starts,
 * and a pause when a server says it is rate limiting us. Shared by every lookup of the process.
 */
final class Gates {

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    Gate whois(WhoisServer server, Endpoints endpoints) {
        Politeness p = endpoints.politeness(server).orElse(Politeness.WHOIS);
        return gates.computeIfAbsent("whois " + server + " at " + endpoints.whois(server) + " " + p,
                k -> new Gate(server.toString(), p));
    }

    Gate rdap(URI url, Endpoints endpoints) {
        Politeness p = endpoints.politeness(url)
                .orElse("rdap.lacnic.net".equalsIgnoreCase(url.getHost()) ? Politeness.LACNIC_RDAP : Politeness.RDAP);
        URI actual = endpoints.rdap(url);
        return gates.computeIfAbsent("rdap " + url.getHost() + " at " + actual.getHost() + ":" + actual.getPort() + " " + p,
                k -> new Gate(url.getHost(), p));
    }

    /** One server's turnstile. */
    static final class Gate {
        private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

        final String name;
        final Politeness politeness;
        private final Semaphore permits;
        private long nextStart = System.nanoTime();

        Gate(String name, Politeness politeness) {
            this.name = name;
            this.politeness = politeness;
            this.permits = new Semaphore(politeness.connections(), true);
        }

        /**
         * Waits for a connection slot and for the server's rate; call {@link #leave()} after the query.
         *
         * @throws LiaisonException when the lookup's deadline passes or it is cancelled while waiting
         */
        void enter(LookupContext ctx) throws LiaisonException {
            try {
                if (!permits.tryAcquire(Math.max(0, ctx.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new LiaisonException("no turn at " + name + " before the lookup's deadline (it allows "
                            + politeness.connections() + " connection(s) at a time)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LiaisonException("cancelled while waiting for " + name, e);
            }
            long start;
            synchronized (this) {
                start = Math.max(System.nanoTime(), nextStart);
                nextStart = start + politeness.interval().toNanos();
            }
            try {
                sleepUntil(start, ctx);
            } catch (LiaisonException e) {
                permits.release();
                throw e;
            }
        }

        /** Also holds the next query back by the interval from now: the server sees the pause after its answer. */
        void leave() {
            synchronized (this) {
                nextStart = Math.max(nextStart, System.nanoTime() + politeness.interval().toNanos());
            }
            permits.release();
        }

        /** Holds every query to this server back for a while (HTTP 429 Retry-After). */
        synchronized void pause(Duration d) {
            nextStart = Math.max(nextStart, System.nanoTime() + d.toNanos());
        }

        private void sleepUntil(long when, LookupContext ctx) throws LiaisonException {
            while (true) {
                long now = System.nanoTime();
                if (now >= when) {
                    return;
                }
                if (ctx.cancelled()) {
                    throw new LiaisonException("cancelled while waiting for " + name);
                }
                if (when > ctx.deadline()) {
                    throw new LiaisonException(name + " may not be asked again before the lookup's deadline (rate limit)");
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(SLICE_NANOS, when - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LiaisonException("cancelled while waiting for " + name, e);
                }
            }
        }
    }
}
