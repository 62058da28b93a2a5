package liaison.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.DomainName;
import liaison.api.model.EmailAddress;
import liaison.api.model.IpAddress;
import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.IncidentType;
import liaison.api.report.Report;
import liaison.api.resolve.ContactResolver;
import liaison.isolation.Extensions;
import liaison.report.ComposeOptions;
import liaison.report.GroupBy;
import liaison.report.Grouping;
import liaison.report.IntelMqEvent;

/** Groups events into reports by recipient set and incident type (and source, when asked). */
final class Grouper {

    /** Above the resolver's own two minutes per resource, so that its precise reason wins. */
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(3);

    private final Incidents incidents;
    private final TicketIds tickets;

    Grouper(Incidents incidents, TicketIds tickets) {
        this.incidents = incidents;
        this.tickets = tickets;
    }

    private record Key(Set<String> recipients, IncidentType type, String source) {
    }

    private static final class Group {
        final List<Evidence> evidence = new ArrayList<>();
        final Set<Resource> resources = new LinkedHashSet<>();
    }

    Grouping group(List<IntelMqEvent> events, ComposeOptions options, boolean oneSourcePerReport, ContactResolver resolver)
            throws LiaisonException {
        boolean bySource = oneSourcePerReport || options.groupBy() == GroupBy.SOURCE;
        Map<Key, Group> groups = new LinkedHashMap<>();
        List<Grouping.Unrouted> unrouted = new ArrayList<>();
        Map<String, Set<String>> resolved = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (IntelMqEvent event : events) {
            for (String field : List.of("classification.taxonomy", "classification.type", "source.abuse_contact")) {
                String v = event.get(field);
                if (v != null && (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0)) {
                    throw new InputException(event.input(), event.line(), 0, field + " holds a line break; refusing it"
                            + " because it would end up in a mail header (header injection)");
                }
            }
            Set<String> recipients;
            try {
                recipients = recipients(event, resolver, resolved, failures);
            } catch (IllegalArgumentException e) {
                unrouted.add(new Grouping.Unrouted(event, e.getMessage()));
                continue;
            }
            if (recipients.isEmpty()) {
                unrouted.add(new Grouping.Unrouted(event, resolver == null
                        ? "no source.abuse_contact and no contact resolver installed"
                        : "no source.abuse_contact and the resolver knows no contact"));
                continue;
            }
            String source = bySource ? sourceOf(event) : null;
            Group g = groups.computeIfAbsent(new Key(recipients, Incidents.type(event), source), k -> new Group());
            g.evidence.add(Incidents.evidence(event));
            resources(event, g.resources);
        }
        List<Report> reports = new ArrayList<>();
        Instant now = Instant.now();
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<Key, Group> e : groups.entrySet()) {
            String ticket;
            do {
                ticket = tickets.next(options.ticketPrefix());
            } while (!used.add(ticket));
            IncidentType type = e.getKey().type();
            reports.add(new Report(ticket, options.reporter(), List.copyOf(e.getKey().recipients()), type,
                    incidents.description(type), e.getValue().evidence, List.copyOf(e.getValue().resources),
                    incidents.requestedAction(type), options.tlp(), now));
        }
        return new Grouping(reports, unrouted);
    }

    /**
     * {@code source.abuse_contact} (comma-, semicolon- or space-separated e-mail addresses and webhook
     * URLs), else the resolver's best candidate.
     */
    private static Set<String> recipients(IntelMqEvent event, ContactResolver resolver, Map<String, Set<String>> cache,
            Map<String, String> failures)
            throws LiaisonException {
        Set<String> out = new TreeSet<>();
        String contacts = event.get("source.abuse_contact");
        if (contacts != null && !contacts.isBlank()) {
            for (String c : contacts.split("[,;\\s]+")) {
                if (!c.isBlank()) {
                    try {
                        out.add(Recipients.normalise(c));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(event.where() + ": unusable source.abuse_contact '" + c + "'");
                    }
                }
            }
            return out;
        }
        if (resolver == null) {
            return out;
        }
        Resource resource = primaryResource(event);
        if (resource == null) {
            return out;
        }
        Set<String> known = cache.get(resource.text());
        if (known == null) {
            known = new TreeSet<>();
            try {
                List<ContactCandidate> candidates = Extensions.call(resolver, "contact resolver for " + resource.text(), RESOLVE_TIMEOUT,
                        () -> resolver.resolve(resource));
                for (ContactCandidate c : candidates == null ? List.<ContactCandidate>of() : candidates) {
                    if (!c.emails().isEmpty()) {
                        known.add(EmailAddress.of(c.emails().get(0)).address());
                        break;
                    }
                }
            } catch (LiaisonException | IllegalArgumentException e) {
                // One unreachable registry (or a resolver's bad answer) leaves its events unrouted; the others are still reported.
                failures.put(resource.text(), e.getMessage());
            }
            cache.put(resource.text(), known);
        }
        if (known.isEmpty() && failures.containsKey(resource.text())) {
            throw new IllegalArgumentException("no contact for " + resource.text() + ": " + failures.get(resource.text()));
        }
        out.addAll(known);
        return out;
    }

    private static Resource primaryResource(IntelMqEvent event) {
        try {
            if (event.get("source.ip") != null) {
                return IpAddress.parse(event.get("source.ip"));
            }
            if (event.get("source.fqdn") != null) {
                return DomainName.of(event.get("source.fqdn"));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String sourceOf(IntelMqEvent event) {
        Resource r = primaryResource(event);
        return r == null ? "" : r.text();
    }

    private static void resources(IntelMqEvent event, Set<Resource> out) {
        for (String field : List.of("source.ip", "source.fqdn")) {
            String v = event.get(field);
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                out.add(field.equals("source.ip") ? IpAddress.parse(v) : DomainName.of(v));
            } catch (IllegalArgumentException ignored) {
                // a malformed address stays visible in the evidence; it is no resource we can name
            }
        }
    }
}
