package liaison.triage.internal;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.LiaisonException;
import liaison.api.model.Asn;
import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.Resource;
import liaison.api.model.Role;
import liaison.api.triage.Indicator;
import liaison.api.triage.Observation;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.TeamFilter;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.Grouping;
import liaison.report.IntelMqEvent;
import liaison.report.ReportComposer;
import liaison.resolve.Exchange;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;
import liaison.resolve.Resolver;
import liaison.triage.ContactRouting;
import liaison.triage.Finding;

/** Routing over the resolver, the peer directory (for the upstream and national-CSIRT fallbacks) and the composer. */
@Component(service = ContactRouting.class)
public class RoutingService implements ContactRouting {

    /** Candidates at or below this are the registry's own staff or placeholders: nobody to tell. */
    private static final double UNUSABLE = 0.1;
    /** The origin AS as registries write it next to a network: RIPE/APNIC route objects, ARIN, LACNIC. */
    private static final Pattern ORIGIN = Pattern.compile("(?im)^\\s*(?:origin|OriginAS|aut-num):\\s*(AS\\d+)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Resolver resolver;
    private final ReportComposer composer;
    private final DirectoryService directory;

    @Activate
    public RoutingService(@Reference Resolver resolver, @Reference ReportComposer composer, @Reference DirectoryService directory) {
        this.resolver = resolver;
        this.composer = composer;
        this.directory = directory;
    }

    @Override
    public List<Routed> route(List<Finding> findings, LookupOptions options, Consumer<Routed> progress) throws LiaisonException {
        Map<String, Resource> resources = new LinkedHashMap<>();
        Map<String, List<Finding>> named = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.indicator().role() != Indicator.Role.SOURCE) {
                continue;
            }
            Resource r = resource(f.indicator());
            if (r == null || r instanceof IpAddress ip && specialUse(ip)) {
                continue;
            }
            resources.putIfAbsent(r.text(), r);
            named.computeIfAbsent(r.text(), k -> new ArrayList<>()).add(f);
        }
        List<Resource> keys = List.copyOf(resources.values());
        Routed[] out = new Routed[keys.size()];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i).text(), i);
        }
        resolver.resolveAll(keys, options, resolution -> {
            Routed r = routed(resolution, named.get(resolution.query().text()), options);
            out[index.get(resolution.query().text())] = r;
            progress.accept(r);
        });
        return List.of(out);
    }

    /** The resource an indicator names: an address, a domain, a URL's host; null for e-mail addresses. */
    static Resource resource(Indicator i) {
        try {
            return switch (i.kind()) {
                case IP -> IpAddress.parse(i.value());
                case DOMAIN -> DomainName.of(i.value());
                case URL -> {
                    String host = URI.create(i.value()).getHost();
                    yield host == null ? null : Resource.parse(host);
                }
                case EMAIL -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Private, loopback, link-local, multicast, shared (CGN) and unique-local addresses: nobody outside can act. */
    static boolean specialUse(IpAddress ip) {
        InetAddress a = ip.address();
        byte[] b = a.getAddress();
        return a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || ip.isV4() && (a.isSiteLocalAddress() || (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64)
                || !ip.isV4() && (b[0] & 0xfe) == 0xfc;
    }

    private Routed routed(Resolution resolution, List<Finding> findings, LookupOptions options) {
        Resource r = resolution.query();
        Optional<ContactCandidate> best = usable(resolution.contacts());
        if (best.isPresent()) {
            return new Routed(r, findings, resolution, best.get(), "registry", null);
        }
        String why = resolution.failed() ? "the lookup failed: " + resolution.error() : "the registries name no usable contact";
        if (r instanceof DomainName d) {
            List<String> parents = d.parents();
            for (int i = 0; i < parents.size() - 1; i++) {
                Resolution p = resolver.resolve(DomainName.of(parents.get(i)), options);
                Optional<ContactCandidate> c = usable(p.contacts());
                if (c.isPresent()) {
                    return new Routed(r, findings, resolution, c.get(), "parent-domain", why + " for " + d.name()
                            + "; the registered domain " + parents.get(i) + " has one");
                }
            }
        }
        Optional<ContactCandidate> upstream = upstream(resolution, options);
        if (upstream.isPresent()) {
            return new Routed(r, findings, resolution, upstream.get(), "upstream", why + "; told the network's upstream instead");
        }
        Optional<ContactCandidate> national = national(resolution);
        if (national.isPresent()) {
            return new Routed(r, findings, resolution, national.get(), "national-csirt", why + "; told the national CSIRT of "
                    + resolution.network().country() + " instead");
        }
        return new Routed(r, findings, resolution, null, null, why + "; the directory knows neither an upstream nor a national CSIRT for it");
    }

    /** The best candidate that is someone to tell: an address, not the registry's staff, not a placeholder. */
    static Optional<ContactCandidate> usable(List<ContactCandidate> candidates) {
        return candidates.stream().filter(c -> c.email() != null && c.confidence() > UNUSABLE && !c.has(CandidateFlag.PLACEHOLDER_ADDRESS)
                && !c.has(CandidateFlag.REGISTRY_CONTACT)).findFirst();
    }

    /** The origin AS a registry's answer gives, then the directory's team for it, else the registry's contact for the AS. */
    private Optional<ContactCandidate> upstream(Resolution resolution, LookupOptions options) {
        if (resolution.query() instanceof Asn) {
            return Optional.empty();
        }
        for (int i = resolution.chain().size() - 1; i >= 0; i--) {
            Exchange e = resolution.chain().get(i);
            Matcher m = e.answer() == null ? null : ORIGIN.matcher(e.answer());
            if (m == null || !m.find()) {
                continue;
            }
            Asn asn = Asn.parse(m.group(1));
            String network = resolution.network() == null ? resolution.query().text() : "network " + resolution.network().range();
            String origin = "origin " + asn.text() + " in " + e.server() + "'s answer";
            try {
                for (DirectoryTeam t : directory.covering(asn)) {
                    if (!t.emails().isEmpty()) {
                        return Optional.of(new ContactCandidate(Role.UPSTREAM, t.shortName(), t.emails(), null,
                                "directory (" + String.join(", ", t.sources()) + ")",
                                List.of(network, origin, "directory team " + t.shortName() + " covers " + asn.text()),
                                t.changedAt(), 0.6, Set.of()));
                    }
                }
            } catch (LiaisonException ex) {
                // the directory could not be read; the registry's answer for the AS may still help
            }
            Optional<ContactCandidate> c = usable(resolver.resolve(asn, options).contacts());
            if (c.isPresent()) {
                List<String> path = new ArrayList<>(List.of(network, origin));
                path.addAll(c.get().path());
                return Optional.of(new ContactCandidate(Role.UPSTREAM, c.get().name(), c.get().emails(), c.get().phone(), c.get().source(),
                        path, c.get().lastModified(), Math.min(0.6, c.get().confidence()), c.get().flags()));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The national CSIRT of the network's country, as the directory lists it. */
    private Optional<ContactCandidate> national(Resolution resolution) {
        String country = resolution.network() == null ? null : resolution.network().country();
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String cc = country.toUpperCase(Locale.ROOT);
        try {
            for (DirectoryTeam t : directory.list(new TeamFilter(cc, null, null, false))) {
                boolean national = t.team().constituency().countries().contains(cc) && (t.team().constituency().types().stream()
                        .anyMatch(x -> x.toLowerCase(Locale.ROOT).contains("national"))
                        || "national".equalsIgnoreCase(t.team().teamType()));
                if (national && !t.emails().isEmpty()) {
                    return Optional.of(new ContactCandidate(Role.NATIONAL_CSIRT, t.shortName(), t.emails(), null,
                            "directory (" + String.join(", ", t.sources()) + ")",
                            List.of("network " + resolution.network().range() + " in " + cc, "no usable contact in the registries",
                                    "directory: national CSIRT of " + cc + ", " + t.shortName()),
                            t.changedAt(), 0.5, EnumSet.noneOf(CandidateFlag.class)));
                }
            }
        } catch (LiaisonException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public Drafts draft(List<Routed> routed, ComposeOptions options, String type) throws LiaisonException {
        String[] fixed = type == null ? null : type.split("/", 2);
        if (fixed != null && fixed.length != 2) {
            throw new IllegalArgumentException("an incident type is written taxonomy/type, e.g. intrusion-attempts/brute-force: " + type);
        }
        List<IntelMqEvent> events = new ArrayList<>();
        List<Grouping.Unrouted> unrouted = new ArrayList<>();
        for (Routed r : routed) {
            Set<String> lines = new LinkedHashSet<>();
            for (Finding f : r.findings()) {
                for (Observation o : f.evidence()) {
                    if (!lines.add(o.input() + ":" + o.lineNumber())) {
                        continue; // a domain and a URL on it name the same line
                    }
                    IntelMqEvent e = event(r, f, o, fixed);
                    if (r.email() == null) {
                        unrouted.add(new Grouping.Unrouted(e, "no contact for " + r.resource().text() + ": " + r.note()));
                    } else {
                        events.add(e);
                    }
                }
            }
        }
        List<ComposedReport> reports = new ArrayList<>();
        if (!events.isEmpty()) {
            Grouping g = composer.group(events, options);
            for (var report : g.reports()) {
                reports.add(composer.compose(report, options));
            }
            unrouted.addAll(g.unrouted());
        }
        return new Drafts(reports, unrouted);
    }

    /** One observation as an IntelMQ event bound for the routed contact. */
    private static IntelMqEvent event(Routed r, Finding f, Observation o, String[] fixed) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (o.time() != null) {
            fields.put("time.source", o.zoneKnown() ? o.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    : o.time().toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
        if (r.resource() instanceof IpAddress ip) {
            fields.put("source.ip", ip.text());
        } else {
            fields.put("source.fqdn", r.resource().text());
        }
        if (f.indicator().kind() == Indicator.Kind.URL) {
            fields.put("source.url", f.indicator().value());
        }
        o.indicators().stream().filter(i -> i.role() == Indicator.Role.DESTINATION && i.kind() == Indicator.Kind.IP).findFirst()
                .ifPresent(d -> fields.put("destination.ip", d.value()));
        String[] type = fixed != null ? fixed : type(o);
        fields.put("classification.taxonomy", type[0]);
        fields.put("classification.type", type[1]);
        fields.put("raw", Base64.getEncoder().encodeToString(o.line().getBytes(StandardCharsets.UTF_8)));
        fields.put("feed.name", "liaison triage (" + o.format() + ")");
        if (r.email() != null) {
            fields.put("source.abuse_contact", r.email());
        }
        return new IntelMqEvent(o.input(), o.lineNumber(), fields);
    }

    /** The ENISA RSIT class of what a log format records; an IntelMQ event names its own. */
    static String[] type(Observation o) {
        if (o.format().equals("intelmq")) {
            try {
                JsonNode e = JSON.readTree(o.line());
                if (e.hasNonNull("classification.type")) {
                    return new String[] { e.path("classification.taxonomy").asText("other"), e.get("classification.type").asText() };
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                // the extractor read it; a line it could read but we cannot is classified like any other
            }
        }
        return switch (o.format()) {
            case "syslog", "fail2ban" -> new String[] { "intrusion-attempts", "brute-force" };
            case "apache" -> new String[] { "intrusion-attempts", "exploit" };
            case "iptables" -> new String[] { "information-gathering", "scanner" };
            case "csv" -> new String[] { "intrusion-attempts", "ids-alert" };
            default -> new String[] { "other", "undetermined" };
        };
    }
}
