package liaison.resolve.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.api.model.Asn;
import liaison.api.model.ContactCandidate;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.api.resolve.ResolutionContext;
import liaison.api.resolve.ResolverStep;
import liaison.rdap.RdapException;
import liaison.rdap.RdapObject;
import liaison.rdap.RdapResponse;
import liaison.resolve.Exchange;
import liaison.whois.Registry;

/**
 * Contact candidates from RDAP: the service the IANA bootstrap names, redirects followed to the
 * registry that holds the resource, entities walked. Answers are cached by the range they cover.
 */
@Component(service = ResolverStep.class, property = "service.ranking:Integer=100")
public final class RdapStep implements ResolverStep {

    /** The step's id, as {@code --via rdap} names it. */
    public static final String ID = "rdap";

    @Reference
    private RegistryAccess access;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean supports(Resource resource) {
        return resource.kind() != Resource.Kind.EMAIL;
    }

    @Override
    public List<ContactCandidate> resolve(Resource resource, ResolutionContext context) throws LiaisonException {
        LookupContext ctx = LookupContext.adapt(context);
        Optional<AnswerCache.Entry> hit = access.cache().find(ID, resource, ctx.offline());
        if (hit.isEmpty() && ctx.offline()) {
            throw new LiaisonException("no cached RDAP answer covers " + resource.text() + " (offline: nothing is asked)");
        }
        if (hit.isPresent()) {
            return fromCache(hit.get(), ctx);
        }
        URI base = access.bootstrap(ctx).baseFor(resource).orElseThrow(() -> new LiaisonException("the IANA bootstrap names no RDAP "
                + "service for " + resource.text()));
        URI url = base.resolve(path(resource));
        return access.exclusive(ID, resource, ctx, () -> {
            Optional<AnswerCache.Entry> again = access.cache().find(ID, resource, false);
            if (again.isPresent()) {
                return fromCache(again.get(), ctx);
            }
            RdapResponse response;
            try {
                response = access.rdap(url, ctx);
            } catch (RdapException e) {
                if (e.notFound()) {
                    ctx.notice(url + ": no such object (HTTP 404)");
                    return List.of();
                }
                throw e;
            }
            RdapObject object = RdapObject.parse(response.url().toString(), response.body());
            Coverage.of(object, resource).ifPresent(span -> access.cache().put(ID, span.kind(), span.first(), span.last(), span.name(),
                    List.of(new AnswerCache.StoredAnswer(0, false, response.requested().toString(), response.url().toString(),
                            response.url().toString(), response.body()))));
            return RdapCandidates.build(object, registry(response.url()), response.url().toString(), ctx, false);
        });
    }

    private static List<ContactCandidate> fromCache(AnswerCache.Entry entry, LookupContext ctx) throws LiaisonException {
        AnswerCache.StoredAnswer a = entry.answers().get(0);
        ctx.record(new Exchange(ID, URI.create(a.server()).getHost(), a.query(), true, a.text()));
        if (entry.expired(Instant.now())) {
            ctx.notice("answered from a cached RDAP answer that expired at " + Instant.ofEpochMilli(entry.expires()));
        }
        RdapObject object = RdapObject.parse(a.server(), a.text());
        return RdapCandidates.build(object, registry(URI.create(a.server())), a.server(), ctx, true);
    }

    private static String registry(URI url) {
        Registry r = Registry.ofRdapHost(url.getHost());
        return r == Registry.OTHER ? url.getHost() : r.id();
    }

    /** The RDAP path for a resource (RFC 9082). */
    static String path(Resource resource) {
        return switch (resource) {
            case IpAddress a -> "ip/" + a.text();
            case IpRange r -> r.prefixLength() >= 0 ? "ip/" + r.text() : "ip/" + r.first().text();
            case Asn a -> "autnum/" + a.number();
            case DomainName d -> "domain/" + d.name();
            default -> throw new IllegalArgumentException("RDAP cannot look up " + resource.text());
        };
    }
}
