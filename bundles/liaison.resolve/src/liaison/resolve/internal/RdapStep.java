package liaison.resolve.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import liaison.rdap.Jcard;
import liaison.rdap.RdapEntity;
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
    private static final int MAX_ENTITY_QUERIES = 2;

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
        return access.cachedOrFetched(ID, "RDAP", resource, ctx, entry -> fromCache(entry, ctx), () -> {
            URI base = access.bootstrap(ctx).baseFor(resource).orElseThrow(() -> new LiaisonException("the IANA bootstrap names no RDAP "
                    + "service for " + resource.text()));
            URI url = base.resolve(path(resource));
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
            List<AnswerCache.StoredAnswer> stored = new ArrayList<>();
            stored.add(new AnswerCache.StoredAnswer(0, false, response.requested().toString(), response.url().toString(),
                    response.url().toString(), response.body()));
            Map<String, Jcard> cards = fetchCards(object, response.url(), ctx, stored);
            Coverage.of(object, resource).ifPresent(span -> access.cache().put(ID, span.kind(), span.first(), span.last(), span.name(),
                    stored));
            return RdapCandidates.build(withCards(object, cards), registry(response.url()), response.url().toString(), ctx, false);
        });
    }

    private static List<ContactCandidate> fromCache(AnswerCache.Entry entry, LookupContext ctx) throws LiaisonException {
        Map<String, Jcard> cards = new HashMap<>();
        RdapObject object = null;
        for (AnswerCache.StoredAnswer a : entry.answers()) {
            ctx.record(new Exchange(ID, URI.create(a.server()).getHost(), a.query(), true, a.text()));
            RdapObject o = RdapObject.parse(a.server(), a.text());
            if (a.followUp()) {
                if (o.vcard() != null) {
                    cards.put(o.handle(), o.vcard());
                }
            } else {
                object = o;
            }
        }
        if (entry.expired(Instant.now())) {
            ctx.notice("answered from a cached RDAP answer that expired at " + Instant.ofEpochMilli(entry.expires()));
        }
        String url = entry.answers().get(0).server();
        return RdapCandidates.build(withCards(object, cards), registry(URI.create(url)), url, ctx, true);
    }

    /**
     * Fetches the cards of abuse entities the answer names only by handle (RFC 9082 {@code entity/}),
     * from the service that answered; at most {@value #MAX_ENTITY_QUERIES}, and none when the answer
     * already carries an abuse contact with an address.
     */
    private Map<String, Jcard> fetchCards(RdapObject object, URI answered, LookupContext ctx, List<AnswerCache.StoredAnswer> stored) {
        Map<String, Jcard> cards = new HashMap<>();
        List<String> bare = new ArrayList<>();
        boolean reachable = collect(object.entities(), bare);
        if (reachable) {
            return cards;
        }
        URI base = serviceBase(answered);
        for (String handle : bare.subList(0, Math.min(MAX_ENTITY_QUERIES, bare.size()))) {
            URI url = base.resolve("entity/" + handle);
            try {
                RdapResponse r = access.rdap(url, ctx);
                RdapObject entity = RdapObject.parse(r.url().toString(), r.body());
                if (entity.vcard() != null) {
                    cards.put(handle, entity.vcard());
                    stored.add(new AnswerCache.StoredAnswer(1, true, "entity " + handle, r.url().toString(), r.url().toString(), r.body()));
                }
            } catch (LiaisonException e) {
                ctx.problem("could not get the card of " + handle + ": " + e.getMessage());
            }
        }
        return cards;
    }

    /** Collects abuse entities without a card; true when an abuse entity with an address exists anyway. */
    private static boolean collect(List<RdapEntity> entities, List<String> bare) {
        boolean reachable = false;
        for (RdapEntity e : entities) {
            if (e.roles().contains("abuse")) {
                if (e.vcard() != null && !e.vcard().emails().isEmpty()) {
                    reachable = true;
                } else if (e.vcard() == null && e.handle() != null && !bare.contains(e.handle())) {
                    bare.add(e.handle());
                }
            }
            reachable |= collect(e.entities(), bare);
        }
        return reachable;
    }

    /** The service an answer came from: its URL up to the lookup type ({@code .../ip/192.0.2.1} → {@code .../}). */
    private static URI serviceBase(URI url) {
        String s = url.toString();
        for (String type : List.of("/ip/", "/autnum/", "/domain/", "/entity/")) {
            int i = s.lastIndexOf(type);
            if (i >= 0) {
                return URI.create(s.substring(0, i + 1));
            }
        }
        return url.resolve("/");
    }

    /** The object with the fetched cards put into the entities that lacked them. */
    private static RdapObject withCards(RdapObject o, Map<String, Jcard> cards) {
        if (cards.isEmpty()) {
            return o;
        }
        return new RdapObject(o.objectClassName(), o.handle(), o.name(), o.type(), o.country(), o.range(), o.asFirst(), o.asLast(),
                o.ldhName(), o.port43(), withCards(o.entities(), cards), o.vcard(), o.notices(), o.remarks(), o.lastChanged(),
                o.warnings());
    }

    private static List<RdapEntity> withCards(List<RdapEntity> entities, Map<String, Jcard> cards) {
        List<RdapEntity> out = new ArrayList<>();
        for (RdapEntity e : entities) {
            Jcard card = e.vcard() == null && e.handle() != null ? cards.get(e.handle()) : e.vcard();
            out.add(new RdapEntity(e.handle(), e.roles(), card, withCards(e.entities(), cards), e.remarks(), e.lastChanged()));
        }
        return out;
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
