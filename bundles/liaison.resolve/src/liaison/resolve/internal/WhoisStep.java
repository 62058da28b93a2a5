package liaison.resolve.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.api.resolve.ResolutionContext;
import liaison.api.resolve.ResolverStep;
import liaison.whois.Registry;
import liaison.whois.WhoisServer;
import liaison.whois.WhoisTrail;

/**
 * Contact candidates from whois: the registry the IANA bootstrap names (IANA itself when none), the
 * referral chain from there, the answers read and ranked. Answers are cached by the range they cover.
 */
@Component(service = ResolverStep.class, property = "service.ranking:Integer=200")
public final class WhoisStep implements ResolverStep {

    /** The step's id, as {@code --via whois} names it. */
    public static final String ID = "whois";

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
        return access.cachedOrFetched(ID, "whois", resource, ctx, entry -> fromCache(resource, entry, ctx), () -> {
            Registry first = access.firstRegistry(resource, ctx);
            WhoisServer server = first.whoisServer() != null ? first.whoisServer() : Registry.IANA.whoisServer();
            WhoisTrail trail = access.whoisTrail(resource, server, ctx);
            // a trail that hit a loop or a failed referral is not kept: next time may go better
            Coverage.of(trail, resource).filter(span -> trail.problems().isEmpty()).ifPresent(span -> access.cache().put(ID, span.kind(), span.first(), span.last(), span.name(),
                    RegistryAccess.stored(trail)));
            return WhoisCandidates.build(trail, resource, ctx, false);
        });
    }

    private List<ContactCandidate> fromCache(Resource resource, AnswerCache.Entry entry, LookupContext ctx) throws LiaisonException {
        WhoisTrail trail = access.trail(resource, entry, ctx);
        if (entry.expired(java.time.Instant.now())) {
            ctx.notice("answered from a cached whois answer that expired at " + java.time.Instant.ofEpochMilli(entry.expires()));
        }
        return WhoisCandidates.build(trail, resource, ctx, true);
    }
}
