package liaison.resolve.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.api.whois.WhoisAnswerParser;
import liaison.api.whois.WhoisObject;
import liaison.isolation.ExtensionFailure;
import liaison.isolation.Extensions;
import liaison.rdap.RdapBootstrap;
import liaison.rdap.RdapClient;
import liaison.rdap.RdapException;
import liaison.rdap.RdapLimits;
import liaison.rdap.RdapResponse;
import liaison.resolve.BootstrapStatus;
import liaison.resolve.Endpoints;
import liaison.resolve.Exchange;
import liaison.store.Workspace;
import liaison.whois.Registry;
import liaison.whois.WhoisAnswer;
import liaison.whois.WhoisAnswers;
import liaison.whois.WhoisClient;
import liaison.whois.WhoisException;
import liaison.whois.WhoisLimits;
import liaison.whois.WhoisLookup;
import liaison.whois.WhoisResponse;
import liaison.whois.WhoisServer;
import liaison.whois.WhoisTrail;

/**
 * What the whois and RDAP steps share within a workspace: the clients, per-server politeness, the
 * answer cache (in the workspace) and the bootstrap files. One lookup per block of addresses
 * (/24, /48, an AS, a domain) talks to the registries at a time, so concurrent lookups of neighbouring
 * addresses wait for the first answer and take it from the cache.
 */
@Component(service = RegistryAccess.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class RegistryAccess {

    /** How long a cached answer is used. */
    static final Duration TTL = Duration.ofDays(1);
    private static final int STRIPES = 256;

    /** How long a whois answer parser extension may take for one answer. */
    static final Duration PARSER_TIMEOUT = Duration.ofSeconds(10);

    private record RankedParser(int ranking, WhoisAnswerParser parser) {
    }

    private final List<RankedParser> parsers = new CopyOnWriteArrayList<>();
    private final Gates gates = new Gates();
    private final WhoisClient whoisClient = new WhoisClient();
    private final ReentrantLock[] blocks = new ReentrantLock[STRIPES];
    private RdapClient rdapClient;
    private AnswerCache cache;
    private BootstrapStore bootstrap;

    public RegistryAccess() {
        for (int i = 0; i < STRIPES; i++) {
            blocks[i] = new ReentrantLock();
        }
    }

    @Activate
    void activate(Map<String, Object> properties) {
        Path root = Path.of(String.valueOf(properties.get(Workspace.PATH_PROPERTY)));
        cache = new AnswerCache(root.resolve("cache/resolve/answers.jsonl"), TTL, Clock.systemUTC());
        bootstrap = new BootstrapStore(root.resolve("cache/bootstrap"), Clock.systemUTC());
        rdapClient = new RdapClient(RdapLimits.DEFAULT, "Liaison/0.1 (CSIRT contact resolver)");
    }

    @Deactivate
    void deactivate() {
        rdapClient.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addParser(WhoisAnswerParser parser, Map<String, Object> properties) {
        Object r = properties.get("service.ranking");
        parsers.add(new RankedParser(r instanceof Integer i ? i : 0, parser));
        parsers.sort(Comparator.comparingInt(RankedParser::ranking).reversed());
        readTrails.clear(); // cached answers are read anew by the parsers now present
    }

    void removeParser(WhoisAnswerParser parser) {
        parsers.removeIf(p -> p.parser == parser);
        readTrails.clear();
    }

    /**
     * Reads a whois answer: with the highest-ranked extension that handles the server, else (or when
     * that extension fails) with the built-in readers, the failure kept among the answer's warnings.
     */
    WhoisAnswer read(WhoisResponse response, Registry registry) throws InputException {
        String host = response.server().host().toLowerCase(java.util.Locale.ROOT);
        String failure = null;
        for (RankedParser ranked : parsers) {
            WhoisAnswerParser parser = ranked.parser;
            try {
                if (!parser.handles(host)) {
                    continue;
                }
            } catch (RuntimeException | LinkageError e) {
                failure = "whois answer parser of " + Extensions.provider(parser) + " failed to say whether it reads " + host + ": " + e;
                continue;
            }
            try {
                List<WhoisObject> objects = Extensions.call(parser, "whois answer parser '" + parser.id() + "' for " + host,
                        PARSER_TIMEOUT, () -> parser.parse(host, response.query(), response.text()));
                return WhoisAnswers.parse(response, registry, objects == null ? List.of() : objects);
            } catch (ExtensionFailure e) {
                failure = e.getMessage() + "; read by Liaison's own readers instead";
                break;
            } catch (LiaisonException e) {
                failure = "whois answer parser '" + parser.id() + "' of " + Extensions.provider(parser) + " could not read the answer: "
                        + e.getMessage() + "; read by Liaison's own readers instead";
                break;
            }
        }
        WhoisAnswer builtIn = WhoisAnswers.parse(response, registry);
        if (failure == null) {
            return builtIn;
        }
        List<String> warnings = new ArrayList<>(builtIn.warnings());
        warnings.add(failure);
        return new WhoisAnswer(builtIn.response(), builtIn.registry(), builtIn.networks(), builtIn.parties(), builtIn.abuseNotices(),
                builtIn.noAbuseContact(), builtIn.suspectMailboxes(), builtIn.referral(), builtIn.notFound(), warnings);
    }

    RdapBootstrap bootstrap(LookupContext ctx) throws InputException {
        return bootstrap.current(ctx.options().bootstrapDir());
    }

    BootstrapStatus bootstrapStatus(Path dir) throws InputException {
        return bootstrap.status(dir);
    }

    BootstrapStatus updateBootstrap(Endpoints endpoints) throws LiaisonException {
        return bootstrap.update(rdapClient, endpoints);
    }

    AnswerCache cache() {
        return cache;
    }

    /** The registry whose RDAP service the bootstrap names for a resource, or {@link Registry#OTHER}. */
    Registry firstRegistry(Resource resource, LookupContext ctx) throws InputException {
        return bootstrap(ctx).baseFor(resource).map(u -> Registry.ofRdapHost(u.getHost())).orElse(Registry.OTHER);
    }

    /**
     * A lookup's answer: from the cache when an answer covers the resource (an expired one only
     * offline), else from {@code fetch}, run while no other lookup of the same block does, so the
     * second of two lookups for neighbouring addresses finds the first one's answer in the cache
     * instead of asking again. Offline, a miss fails naming the protocol.
     *
     * @param label the protocol as people read it ({@code whois}, {@code RDAP})
     */
    <T> T cachedOrFetched(String protocol, String label, Resource resource, LookupContext ctx, CacheRead<T> fromCache, Work<T> fetch)
            throws LiaisonException {
        Optional<AnswerCache.Entry> hit = cache.find(protocol, resource, ctx.offline());
        if (hit.isPresent()) {
            return fromCache.read(hit.get());
        }
        if (ctx.offline()) {
            throw new LiaisonException("no cached " + label + " answer covers " + resource.text() + " (offline: nothing is asked)");
        }
        ReentrantLock lock = blocks[Math.floorMod((protocol + " " + block(resource)).hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(ctx.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LiaisonException("waited too long for another lookup of the same network");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("cancelled", e);
        }
        try {
            Optional<AnswerCache.Entry> meanwhile = cache.find(protocol, resource, false);
            return meanwhile.isPresent() ? fromCache.read(meanwhile.get()) : fetch.run();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    interface CacheRead<T> {
        T read(AnswerCache.Entry entry) throws LiaisonException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws LiaisonException;
    }

    /** The block a resource falls in for coalescing: /24, /48, the AS, the registrable part of a domain. */
    private static String block(Resource r) {
        return switch (r) {
            case IpAddress a -> a.isV4() ? a.toBigInteger().shiftRight(8).toString() : "6:" + a.toBigInteger().shiftRight(80);
            case IpRange g -> block(g.first());
            case Asn a -> "AS" + a.number();
            case DomainName d -> d.name();
            default -> r.text();
        };
    }

    /** Follows the whois chain for a resource, every query through {@link #whois}. */
    WhoisTrail whoisTrail(Resource resource, WhoisServer first, LookupContext ctx) throws LiaisonException {
        return new WhoisLookup((server, query, registry) -> whois(server, query, registry, ctx), this::read).lookup(resource, first);
    }

    /** One whois query: politeness, endpoint mapping, retries with a growing pause. */
    WhoisResponse whois(WhoisServer server, String query, Registry registry, LookupContext ctx) throws LiaisonException {
        Endpoints endpoints = ctx.options().endpoints();
        Gates.Gate gate = gates.whois(server, endpoints);
        ctx.record(new Exchange("whois", server.toString(), query, false, null));
        for (int attempt = 0;; attempt++) {
            gate.enter(ctx);
            try {
                Duration left = ctx.remaining();
                if (left.isZero()) {
                    throw new LiaisonException("the lookup's time ran out before asking " + server);
                }
                WhoisLimits l = WhoisLimits.DEFAULT;
                WhoisLimits limits = new WhoisLimits(l.maxAnswerBytes(), min(l.connectTimeout(), left), min(l.readTimeout(), left),
                        min(l.deadline(), left));
                WhoisResponse r = whoisClient.fetch(server, endpoints.whois(server), query, registry.charset(), limits);
                ctx.recordAnswer(server.toString(), query, r.text());
                return r;
            } catch (WhoisException e) {
                if (!e.retryable() || attempt >= gate.politeness.retries() || !pause(gate, attempt, ctx)) {
                    throw e;
                }
                ctx.problem("retrying " + server + " after: " + e.getMessage());
            } finally {
                gate.leave();
            }
        }
    }

    /** One RDAP GET: politeness, endpoint mapping, 429 and Retry-After, retries. */
    RdapResponse rdap(URI url, LookupContext ctx) throws LiaisonException {
        Endpoints endpoints = ctx.options().endpoints();
        Gates.Gate gate = gates.rdap(url, endpoints);
        ctx.record(new Exchange("rdap", url.getHost(), url.toString(), false, null));
        for (int attempt = 0;; attempt++) {
            gate.enter(ctx);
            try {
                RdapResponse r = rdapClient.get(url, endpoints::rdap);
                ctx.recordAnswer(url.getHost(), url.toString(), r.body());
                return r;
            } catch (RdapException e) {
                if (e.rateLimited()) {
                    Duration wait = e.retryAfter() == null ? gate.politeness.backoff().multipliedBy(1L << attempt) : e.retryAfter();
                    gate.pause(wait);
                    if (attempt >= gate.politeness.retries() || wait.compareTo(ctx.remaining()) >= 0) {
                        throw new RdapException(e.getMessage() + "; not retried: "
                                + (attempt >= gate.politeness.retries() ? "no retries left" : "the lookup's deadline comes first"),
                                e.status(), e.retryAfter(), false, e);
                    }
                    ctx.problem(e.getMessage() + "; waiting before asking again");
                    continue;
                }
                if (!e.retryable() || attempt >= gate.politeness.retries() || !pause(gate, attempt, ctx)) {
                    throw e;
                }
                ctx.problem("retrying " + url.getHost() + " after: " + e.getMessage());
            } finally {
                gate.leave();
            }
        }
    }

    /** Holds the server's gate for the attempt's backoff; false when the deadline does not allow it. */
    private static boolean pause(Gates.Gate gate, int attempt, LookupContext ctx) {
        Duration wait = gate.politeness.backoff().multipliedBy(1L << attempt);
        if (wait.compareTo(ctx.remaining()) >= 0) {
            return false;
        }
        gate.pause(wait);
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        Duration m = a.compareTo(b) <= 0 ? a : b;
        return m.isZero() ? Duration.ofMillis(1) : m;
    }

    /** Cached answers already read, so the many addresses of one network are not read again each time. */
    private final Map<String, WhoisTrail> readTrails = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, WhoisTrail> eldest) {
                    return size() > 4096;
                }
            });

    /** Rebuilds a whois trail from a cache entry, recording its exchanges as answered from the cache. */
    WhoisTrail trail(Resource resource, AnswerCache.Entry entry, LookupContext ctx) throws InputException {
        for (AnswerCache.StoredAnswer s : entry.answers()) {
            ctx.record(new Exchange("whois", s.server(), s.query(), true, s.text()));
        }
        String key = entry.kind() + " " + entry.first() + " " + entry.last() + " " + entry.name() + " " + entry.stored();
        WhoisTrail known = readTrails.get(key);
        if (known == null) {
            known = trail(resource, entry.answers());
            readTrails.put(key, known);
        }
        return new WhoisTrail(resource, known.hops(), List.of());
    }

    private WhoisTrail trail(Resource resource, List<AnswerCache.StoredAnswer> stored) throws InputException {
        List<WhoisTrail.Hop> hops = new ArrayList<>();
        WhoisTrail.Hop current = null;
        List<liaison.whois.WhoisAnswer> followUps = new ArrayList<>();
        for (AnswerCache.StoredAnswer s : stored) {
            WhoisServer server = WhoisServer.parse(s.server());
            WhoisResponse response = new WhoisResponse(server, s.query(), s.text(), Instant.now(), true);
            var answer = read(response, Registry.ofHost(server.host()));
            if (s.followUp()) {
                followUps.add(answer);
            } else {
                if (current != null) {
                    hops.add(new WhoisTrail.Hop(current.reason(), current.answer(), followUps));
                    followUps = new ArrayList<>();
                }
                current = new WhoisTrail.Hop(s.reason(), answer, List.of());
            }
        }
        if (current != null) {
            hops.add(new WhoisTrail.Hop(current.reason(), current.answer(), followUps));
        }
        return new WhoisTrail(resource, hops, List.of());
    }

    /** What to store of a trail. */
    static List<AnswerCache.StoredAnswer> stored(WhoisTrail trail) {
        List<AnswerCache.StoredAnswer> out = new ArrayList<>();
        int hop = 0;
        for (WhoisTrail.Hop h : trail.hops()) {
            out.add(new AnswerCache.StoredAnswer(hop, false, h.reason(), h.answer().response().server().toString(),
                    h.answer().response().query(), h.answer().response().text()));
            for (var f : h.followUps()) {
                out.add(new AnswerCache.StoredAnswer(hop, true, null, f.response().server().toString(), f.response().query(),
                        f.response().text()));
            }
            hop++;
        }
        return out;
    }
}
