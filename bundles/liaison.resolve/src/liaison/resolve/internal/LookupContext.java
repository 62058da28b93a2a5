package liaison.resolve.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import liaison.api.resolve.NetworkInfo;
import liaison.api.resolve.ResolutionContext;
import liaison.resolve.Exchange;
import liaison.resolve.LookupOptions;

/**
 * The resolver's {@link ResolutionContext} for one resource: the options, the deadline, and what the
 * steps report (queries, answers, networks, notices, problems). Thread-safe: steps run concurrently.
 */
final class LookupContext implements ResolutionContext {

    private final LookupOptions options;
    private final long deadline;
    private final ResolutionContext outer;
    private final List<Exchange> chain = new ArrayList<>();
    private final List<NetworkInfo> networks = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String registry;

    LookupContext(LookupOptions options) {
        this(options, System.nanoTime() + options.timeout().toNanos(), null);
    }

    private LookupContext(LookupOptions options, long deadline, ResolutionContext outer) {
        this.options = options;
        this.deadline = deadline;
        this.outer = outer;
    }

    /**
     * The context a built-in step works with: the resolver's own, or, when another caller runs the
     * step directly, one with default options that forwards what the step reports.
     */
    static LookupContext adapt(ResolutionContext context) {
        if (context instanceof LookupContext c) {
            return c;
        }
        LookupOptions o = new LookupOptions(null, context.offline(), null, null, context.timeout(), context::cancelled);
        return new LookupContext(o, System.nanoTime() + context.timeout().toNanos(), context);
    }

    LookupOptions options() {
        return options;
    }

    /** Nanosecond deadline of the whole lookup ({@link System#nanoTime()} based). */
    long deadline() {
        return deadline;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public boolean offline() {
        return options.offline();
    }

    @Override
    public Duration timeout() {
        return remaining();
    }

    @Override
    public boolean cancelled() {
        return options.cancelled().getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    @Override
    public synchronized void recordQuery(String server, String query) {
        record(new Exchange(server.contains("://") ? "rdap" : "whois", server, query, false, null));
    }

    @Override
    public synchronized void recordAnswer(String server, String query, String answer) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Exchange e = chain.get(i);
            if (e.server().equals(server) && e.query().equals(query) && e.answer() == null) {
                chain.set(i, e.withAnswer(answer));
                break;
            }
        }
        if (outer != null) {
            outer.recordAnswer(server, query, answer);
        }
    }

    @Override
    public synchronized void recordNetwork(NetworkInfo network) {
        networks.add(network);
        if (outer != null) {
            outer.recordNetwork(network);
        }
    }

    synchronized void record(Exchange exchange) {
        chain.add(exchange);
        if (outer != null) {
            outer.recordQuery(exchange.server(), exchange.query());
        }
    }

    synchronized void notice(String text) {
        if (!notices.contains(text)) {
            notices.add(text);
        }
    }

    synchronized void problem(String text) {
        if (!problems.contains(text)) {
            problems.add(text);
        }
    }

    /** The registry that answered; the first protocol step to learn it sets it. */
    synchronized void registry(String id) {
        if (registry == null) {
            registry = id;
        }
    }

    synchronized String registry() {
        return registry;
    }

    synchronized List<Exchange> chain() {
        return List.copyOf(chain);
    }

    synchronized List<NetworkInfo> networks() {
        return List.copyOf(networks);
    }

    synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
