package liaison.resolve;

import java.util.List;
import java.util.function.Consumer;

import liaison.api.LiaisonException;
import liaison.api.model.Resource;
import liaison.whois.WhoisServer;

/**
 * Liaison's contact resolver: from an IP address, prefix, AS number or domain to ranked, explained
 * contact candidates, over whois and RDAP, in every RIR and the NIRs, with a cache by the range an
 * answer covers and per-server politeness. The CLI's {@code lookup} and the workbench's Lookup view
 * are thin shells over this service.
 *
 * <p>Thread-safe. Lookups of one resource never run twice at once for the same block of addresses;
 * queries to one server keep to its connection and rate limits whatever the number of callers.
 */
public interface Resolver {

    /**
     * Looks up one resource.
     *
     * @return the resolution; a lookup that failed has {@link Resolution#error()} set
     */
    Resolution resolve(Resource resource, LookupOptions options);

    /**
     * Looks up many resources, registries in parallel, and hands each resolution to the consumer as it
     * is done (from worker threads). Returns the resolutions in input order.
     */
    List<Resolution> resolveAll(List<? extends Resource> resources, LookupOptions options, Consumer<Resolution> done);

    /**
     * Downloads the current IANA bootstrap files into the workspace, at most once a day.
     *
     * @throws LiaisonException when the download failed or a file is malformed (the old copy is kept)
     */
    BootstrapStatus updateBootstrap(Endpoints endpoints) throws LiaisonException;

    /**
     * Asks a registry's whois server for one object by class and key, unfiltered ({@code -r -B -T irt
     * IRT-CERT-AT} at whois.ripe.net), with the politeness of lookups and the workspace's endpoints
     * preference: for what dumps and mirrors hide (RIPE writes {@code unread@ripe.net} for irt e-mail
     * addresses).
     *
     * @return the answer's text as the server sent it
     * @throws LiaisonException when the server cannot be asked
     */
    String whoisObject(WhoisServer server, String type, String key) throws LiaisonException;

    /** The bootstrap files a lookup with these options would use. */
    BootstrapStatus bootstrap(LookupOptions options) throws LiaisonException;
}
