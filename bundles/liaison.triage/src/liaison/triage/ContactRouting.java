package liaison.triage;

import java.util.List;
import java.util.function.Consumer;

import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.Grouping;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;

/**
 * From what triage found to whom to tell, and the reports to send them: each source a log names is
 * resolved through the resolver (whois and RDAP, the constituency index and the directory as its
 * steps); when the registries name no usable contact, the directory's team for the network's origin
 * AS (its upstream), else the registry's answer for that AS, else the national CSIRT of the network's
 * country. Findings are then grouped by contact and incident type into report drafts by the composer.
 * The CLI's {@code liaison triage}, the drill's automatic trainee and {@code liaison demo} are shells
 * over this service.
 */
public interface ContactRouting {

    /**
     * How one source was routed.
     *
     * @param resource   the resource looked up (a URL's host, the address as written)
     * @param findings   the findings naming it (an address, or a domain and the URLs on it)
     * @param resolution the resolver's answer, or null when the resource was not looked up
     * @param contact    the contact chosen, or null when there is nobody to tell
     * @param route      how the contact was found: {@code registry} (the resolver's best usable
     *                   candidate), {@code parent-domain}, {@code upstream} or {@code national-csirt};
     *                   null when none was found
     * @param note       why the fallback was needed, or why nobody was found; null when the resolver's
     *                   best candidate was used
     */
    record Routed(Resource resource, List<Finding> findings, Resolution resolution, ContactCandidate contact, String route,
            String note) {
        public Routed {
            findings = List.copyOf(findings);
        }

        /** The address reports go to, or null. */
        public String email() {
            return contact == null ? null : contact.email();
        }
    }

    /**
     * Report drafts: composed (signed when the options say so), not yet sent.
     *
     * @param reports  one per contact and incident type, with what the linter found
     * @param unrouted findings' events no report could take, with the reason
     */
    record Drafts(List<ComposedReport> reports, List<Grouping.Unrouted> unrouted) {
        public Drafts {
            reports = List.copyOf(reports);
            unrouted = List.copyOf(unrouted);
        }
    }

    /**
     * Routes the findings whose indicator is a source (addresses, domains, URLs); private and
     * special-use addresses are skipped, as nobody outside can act on them.
     *
     * @param options  how the resolver looks up (endpoints, bootstrap, offline)
     * @param progress receives each routed source as it is done (from worker threads)
     * @return one entry per source, in the order of the findings
     */
    List<Routed> route(List<Finding> findings, LookupOptions options, Consumer<Routed> progress) throws LiaisonException;

    /**
     * Groups the routed findings' evidence by contact and incident type and composes a report for each.
     *
     * @param type a fixed incident type as {@code taxonomy/type} for every finding, or null to take it from
     *             the log format (brute force for sshd and fail2ban, scanning for firewall logs, an IntelMQ
     *             event's own classification, ...)
     */
    Drafts draft(List<Routed> routed, ComposeOptions options, String type) throws LiaisonException;
}
