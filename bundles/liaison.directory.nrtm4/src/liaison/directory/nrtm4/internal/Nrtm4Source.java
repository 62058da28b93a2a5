package liaison.directory.nrtm4.internal;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceRequest;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Team;
import liaison.directory.nrtm4.Jws;
import liaison.directory.nrtm4.Nrtm4Client;
import liaison.directory.ripe.IrtTeams;
import liaison.directory.ripe.LiveIrtLookup;
import liaison.resolve.Resolver;
import liaison.directory.source.SourceInput;
import liaison.rpsl.RpslObject;

/**
 * irt objects mirrored over NRTMv4 from a registry (RIPE publishes {@code
 * https://nrtm.db.ripe.net/nrtmv4/RIPE/update-notification-file.jose}). Only irt and key-cert objects
 * are kept in the mirror. RIPE replaces irt e-mail addresses with {@code unread@ripe.net} in
 * mirrored data; the directory flags them, or fills them from a live whois query when the resolver is installed.
 */
@Component
public class Nrtm4Source implements DirectorySource {

    /** Fills the addresses the mirror hides, when the resolver is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Resolver resolver;

    private final Nrtm4Client client = new Nrtm4Client(new RpslObjectKeys(Set.of("irt", "key-cert")), Clock.systemUTC());

    @Override
    public String id() {
        return "nrtm4";
    }

    @Override
    public String description() {
        return "irt objects mirrored over NRTMv4 (signed update notification file URL; --key the registry's public key)";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        return read(SourceRequest.of(location), progress);
    }

    @Override
    public SourceSnapshot read(SourceRequest request, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(request.location());
        PublicKey key = Jws.configuredKey(input, request.key());
        Nrtm4Client.Mirror mirror = client.update(request.location(), key, request.stateDirectory(), progress);
        List<RpslObject> objects = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : mirror.objects().entrySet()) {
            try {
                objects.add(RpslObject.parse(e.getValue().asText()));
            } catch (InputException ex) {
                throw new InputException(input, 0, 0, "mirrored object " + e.getKey() + " is malformed: " + ex.getMessage(), ex);
            }
        }
        Map<String, RpslObject> keyCerts = IrtTeams.keyCerts(objects);
        List<String> warnings = new ArrayList<>(mirror.warnings());
        List<Team> teams = new ArrayList<>();
        long placeholders = 0;
        for (RpslObject o : objects) {
            if (o.type().equals("irt")) {
                Team t = IrtTeams.toTeam(o, keyCerts, warnings);
                teams.add(t);
                placeholders += t.emails().stream().anyMatch(IrtTeams.PLACEHOLDER::equalsIgnoreCase) ? 1 : 0;
            }
        }
        if (placeholders > 0) {
            warnings.add(placeholders + " mirrored irt object(s) carry " + IrtTeams.PLACEHOLDER
                    + " instead of the real address; they are flagged unless a live whois query gives the real one");
            teams = IrtTeams.fillHidden(teams, keyCerts, LiveIrtLookup.of(resolver), warnings);
        }
        return new SourceSnapshot(id() + ":" + mirror.source(), input, Instant.now(), teams, warnings);
    }
}
