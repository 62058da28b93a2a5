package liaison.constituency.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
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
import liaison.api.model.Role;
import liaison.api.resolve.ResolutionContext;
import liaison.api.resolve.ResolverStep;
import liaison.constituency.Claim;
import liaison.constituency.Claim.Kind;
import liaison.constituency.Claim.Layer;
import liaison.constituency.ConstituencyService;
import liaison.store.Workspace;

/**
 * The resolver's offline step: candidates from the workspace's constituency index — the irt by
 * ripe-254 {@code -c}, the abuse mailbox by RIPE's rule, and the teams whose constituency in the
 * directory covers the resource. Nothing when no index was loaded. Never uses the network.
 */
@Component(service = ResolverStep.class, property = "service.ranking:Integer=50")
public class ConstituencyStep implements ResolverStep {

    /** A loaded snapshot can be older than the registry's live answer, so it ranks just below it. */
    private static final double IRT = 0.9;
    private static final double ABUSE = 0.8;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Workspace workspace;

    private IndexHandle index;

    @Override
    public String id() {
        return "constituency";
    }

    @Override
    public boolean supports(Resource resource) {
        return resource instanceof IpAddress || resource instanceof IpRange || resource instanceof Asn
                || resource instanceof DomainName;
    }

    @Override
    public List<ContactCandidate> resolve(Resource resource, ResolutionContext context) throws LiaisonException {
        IndexHandle idx = index();
        if (idx == null) {
            return List.of();
        }
        List<ContactCandidate> out = new ArrayList<>();
        List<Claim> claims = idx.claims(resource);
        Claim registry = claims.stream().filter(c -> c.layer() == Layer.REGISTRY && c.level() == 0).findFirst().orElse(null);
        if (registry != null) {
            String where = registry.objectType() + " " + registry.resource();
            String source = "constituency index: " + registry.dataset() + " (" + registry.source() + ", loaded " + registry.imported() + ")";
            if (registry.irt() != null) {
                String mailbox = idx.irtEmail(registry.irt());
                if (mailbox != null) {
                    out.add(new ContactCandidate(Role.IRT, registry.irt(), List.of(mailbox), null, source,
                            List.of(where, registry.mntIrt().contains(registry.irt()) ? "mnt-irt " + registry.irt()
                                    : "mnt-irt of a less specific object", "irt " + registry.irt()),
                            null, IRT, null));
                }
            }
            if (registry.contact() != null) {
                out.add(new ContactCandidate(Role.ABUSE, registry.abuseC(), List.of(registry.contact()), null, source,
                        List.of(where, registry.abuseC() != null ? "abuse-c " + registry.abuseC()
                                : "abuse-c by RIPE's rule (organisation or less specific)", "abuse-mailbox"),
                        null, ABUSE, null));
            }
        }
        for (Claim c : claims) {
            if (c.layer() == Layer.DIRECTORY && c.contact() != null) {
                out.add(new ContactCandidate(c.kind() == Kind.COUNTRY ? Role.NATIONAL_CSIRT : Role.DIRECTORY, c.owner(),
                        List.of(c.contact()), null, "constituency index: " + c.source(),
                        List.of(c.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + c.resource(), "team " + c.owner()),
                        null, confidence(c.kind()), null));
            }
        }
        return out;
    }

    /** The more specific the claim, the surer the team is the one to tell. */
    private static double confidence(Kind kind) {
        return switch (kind) {
            case PREFIX -> 0.85;
            case ASN, DOMAIN -> 0.8;
            case COUNTRY -> 0.6;
        };
    }

    /** The workspace's index, opened once and refreshed so loads made meanwhile are seen; null when none exists. */
    private synchronized IndexHandle index() throws LiaisonException {
        Workspace ws = workspace;
        if (ws == null) {
            return null;
        }
        Path dir = ws.resolve(ConstituencyService.WORKSPACE_DIRECTORY).toAbsolutePath().normalize();
        if (!Files.exists(dir.resolve(IndexFormat.CURRENT))) {
            return null;
        }
        if (index == null || !index.location().equals(dir)) {
            index = new IndexHandle(dir);
        } else {
            index.refresh();
        }
        return index;
    }
}
