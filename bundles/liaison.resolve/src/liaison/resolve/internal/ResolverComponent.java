package liaison.resolve.internal;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import liaison.api.LiaisonException;
import liaison.api.model.Asn;
import liaison.api.model.ContactCandidate;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.api.resolve.ContactResolver;
import liaison.api.resolve.NetworkInfo;
import liaison.api.resolve.ResolverStep;
import liaison.isolation.Extensions;
import liaison.resolve.BootstrapStatus;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.ResolvePreferences;
import liaison.resolve.Resolution;
import liaison.resolve.Resolver;
import liaison.resolve.Via;
import liaison.store.Workspace;
import liaison.whois.Registry;
import liaison.whois.WhoisServer;

/**
 * The resolution pipeline: runs every {@link ResolverStep} service that supports the resource, the
 * built-in whois and RDAP steps as {@link Via} says (with {@code auto}, the second protocol only when
 * the first failed or found no one), abandons steps that pass the deadline, and ranks the union.
 */
@Component(service = { Resolver.class, ContactResolver.class }, configurationPid = Workspace.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ResolverComponent implements Resolver, ContactResolver {

    private record Ranked(int ranking, ResolverStep step) {
    }

    private final List<Ranked> steps = new CopyOnWriteArrayList<>();

    @Reference
    private RegistryAccess access;

    /** The built-in protocol steps; required, so the service never appears without them. */
    @Reference(target = "(component.name=liaison.resolve.internal.WhoisStep)")
    private ResolverStep whois;

    @Reference(target = "(component.name=liaison.resolve.internal.RdapStep)")
    private ResolverStep rdap;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addStep(ResolverStep step, Map<String, Object> properties) {
        Object r = properties.get("service.ranking");
        steps.add(new Ranked(r instanceof Integer i ? i : 0, step));
        steps.sort(Comparator.comparingInt(Ranked::ranking).reversed());
    }

    void removeStep(ResolverStep step) {
        steps.removeIf(r -> r.step == step);
    }

    private Path workspace;

    @Activate
    void activate(Map<String, Object> properties) {
        workspace = Path.of(String.valueOf(properties.get(Workspace.PATH_PROPERTY)));
    }

    /** For other bundles (the report composer): default options, the workspace's endpoints preference. */
    @Override
    public List<ContactCandidate> resolve(Resource resource) throws LiaisonException {
        LookupOptions d = LookupOptions.DEFAULT;
        Resolution r = resolve(resource, new LookupOptions(d.via(), false, workspaceEndpoints(), null, d.timeout(), null));
        if (r.failed()) {
            throw new LiaisonException(r.error());
        }
        return r.contacts();
    }

    private Endpoints workspaceEndpoints() throws LiaisonException {
        var file = ResolvePreferences.endpointsFile(workspace);
        return file.isPresent() ? Endpoints.load(file.get()) : Endpoints.NONE;
    }

    @Override
    public String whoisObject(WhoisServer server, String type, String key) throws LiaisonException {
        if (!type.matches("[a-z0-9-]+") || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new LiaisonException("not a whois object name: " + type + " " + key);
        }
        LookupContext ctx = new LookupContext(new LookupOptions(Via.WHOIS, false, workspaceEndpoints(), null, OBJECT_TIMEOUT, null));
        return access.whois(server, "-r -B -T " + type + " " + key, Registry.ofHost(server.host()), ctx).text();
    }

    @Override
    public Resolution resolve(Resource resource, LookupOptions options) {
        LookupContext ctx = new LookupContext(options);
        if (resource.kind() == Resource.Kind.EMAIL) {
            return new Resolution(resource, null, null, List.of(), List.of(), List.of(), List.of(),
                    "an e-mail address is not looked up in whois or RDAP; look up its domain");
        }
        List<ContactCandidate> found = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean rdapFirst = options.via() == Via.RDAP || options.via() == Via.AUTO && resource instanceof DomainName;
        ResolverStep primary = rdapFirst ? rdap : whois;
        ResolverStep secondary = options.via() == Via.AUTO ? (rdapFirst ? whois : rdap) : null;
        List<ResolverStep> others = new ArrayList<>();
        for (Ranked r : steps) {
            if (r.step != whois && r.step != rdap && supports(r.step, resource, failures)) {
                others.add(r.step);
            }
        }
        // other steps run beside the protocol steps; most lookups have none and need no extra threads
        ExecutorService pool = others.isEmpty() ? null : Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<List<ContactCandidate>>> running = new ArrayList<>();
            for (ResolverStep s : others) {
                running.add(pool.submit(() -> run(s, resource, ctx, failures)));
            }
            List<ContactCandidate> first = run(primary, resource, ctx, failures);
            boolean reached = first.stream().anyMatch(c -> c.email() != null && c.confidence() > Candidates.STAFF);
            found.addAll(first);
            if (!reached && secondary != null && !ctx.cancelled()) {
                ctx.problem("asked " + secondary.id() + " too: " + primary.id() + (failures.isEmpty() ? " found no one to tell" : " failed"));
                found.addAll(run(secondary, resource, ctx, failures));
            }
            for (Future<List<ContactCandidate>> f : running) {
                try {
                    found.addAll(f.get());
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add("cancelled");
                }
            }
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
        List<ContactCandidate> ranked = Candidates.rank(found);
        failures.forEach(ctx::problem);
        String error = ranked.isEmpty() && !failures.isEmpty() ? failures.get(0) : null;
        return new Resolution(resource, ctx.registry(), network(ctx), ranked, ctx.chain(), ctx.notices(),
                error == null ? ctx.problems() : ctx.problems().stream().filter(p -> !p.equals(error)).toList(), error);
    }

    /** The first network reported: the protocol step that ran first reports the authoritative one. */
    private static NetworkInfo network(LookupContext ctx) {
        List<NetworkInfo> n = ctx.networks();
        return n.isEmpty() ? null : n.get(0);
    }

    /** One object query: a server that does not answer within this is not waited for. */
    private static final Duration OBJECT_TIMEOUT = Duration.ofSeconds(20);

    /** Steps bound their own work by the deadline; the grace lets their precise message win over the isolation's. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /** Asks a step whether it applies; one that cannot answer (a bug) is left out and recorded, as a failed run would be. */
    private static boolean supports(ResolverStep step, Resource resource, List<String> failures) {
        try {
            return step.supports(resource);
        } catch (RuntimeException | LinkageError e) {
            failures.add("a resolver step of " + Extensions.provider(step) + " failed to say whether it supports " + resource.text() + ": " + e);
            return false;
        }
    }

    /** Runs a step isolated (its own thread, the deadline); a failure is recorded, never thrown. */
    private static List<ContactCandidate> run(ResolverStep step, Resource resource, LookupContext ctx, List<String> failures) {
        try {
            return Extensions.call(step, "resolver step '" + step.id() + "' for " + resource.text(), ctx.remaining().plus(GRACE),
                    () -> step.resolve(resource, ctx));
        } catch (LiaisonException e) {
            synchronized (failures) {
                failures.add(e.getMessage());
            }
            return List.of();
        }
    }

    @Override
    public List<Resolution> resolveAll(List<? extends Resource> resources, LookupOptions options, Consumer<Resolution> done) {
        Resolution[] results = new Resolution[resources.size()];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        String[] order = new String[resources.size()];
        for (int i = 0; i < resources.size(); i++) {
            groups.computeIfAbsent(group(resources.get(i), options), k -> new ArrayList<>()).add(i);
            order[i] = order(resources.get(i));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Integer> members : groups.values()) {
                // within a registry, in address order: neighbours follow each other and meet the cache
                members.sort(Comparator.comparing(i -> order[i]));
                ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(members);
                int workers = Math.max(1, workers(resources.get(members.get(0)), options));
                for (int w = 0; w < workers; w++) {
                    pool.submit(() -> {
                        for (Integer i; (i = queue.poll()) != null;) {
                            Resolution r = options.cancelled().getAsBoolean()
                                    ? new Resolution(resources.get(i), null, null, List.of(), List.of(), List.of(), List.of(), "cancelled")
                                    : resolve(resources.get(i), options);
                            results[i] = r;
                            done.accept(r);
                        }
                    });
                }
            }
        }
        return List.of(results);
    }

    /** Resources are grouped by the registry asked first, so different registries are asked in parallel. */
    private String group(Resource r, LookupOptions options) {
        try {
            return access.firstRegistry(r, new LookupContext(options)).id();
        } catch (LiaisonException e) {
            return "other";
        }
    }

    /** As many workers for a registry as its first server allows connections. */
    private int workers(Resource sample, LookupOptions options) {
        try {
            Registry first = access.firstRegistry(sample, new LookupContext(options));
            boolean rdap = options.via() == Via.RDAP || options.via() == Via.AUTO && sample instanceof DomainName;
            if (rdap || first.whoisServer() == null) {
                return liaison.resolve.Politeness.RDAP.connections();
            }
            return options.endpoints().politeness(first.whoisServer()).orElse(liaison.resolve.Politeness.WHOIS).connections();
        } catch (LiaisonException e) {
            return 1;
        }
    }

    private static String order(Resource r) {
        return switch (r) {
            case IpAddress a -> (a.isV4() ? "4" : "6") + String.format("%040x", a.toBigInteger());
            case IpRange g -> (g.first().isV4() ? "4" : "6") + String.format("%040x", g.first().toBigInteger());
            case Asn a -> "a" + String.format("%040x", BigInteger.valueOf(a.number()));
            case DomainName d -> "d" + String.join(".", d.name().split("\\.")).toString();
            default -> "z" + r.text();
        };
    }

    @Override
    public BootstrapStatus updateBootstrap(Endpoints endpoints) throws LiaisonException {
        return access.updateBootstrap(endpoints);
    }

    @Override
    public BootstrapStatus bootstrap(LookupOptions options) throws LiaisonException {
        return access.bootstrapStatus(options.bootstrapDir());
    }
}
