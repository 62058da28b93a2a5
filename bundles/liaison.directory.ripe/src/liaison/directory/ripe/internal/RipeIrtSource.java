package liaison.directory.ripe.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Team;
import liaison.directory.ripe.IrtTeams;
import liaison.directory.ripe.LiveIrtLookup;
import liaison.resolve.Resolver;
import liaison.directory.source.SourceInput;
import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslParser;

/**
 * irt objects from RPSL text: a RIPE database split dump ({@code ripe.db.irt.gz}), a whois answer
 * saved to a file, any RPSL file. Objects of other classes are skipped, except {@code key-cert}
 * objects, which give the irt keys' fingerprints and armoured keys.
 */
@Component
public class RipeIrtSource implements DirectorySource {

    /** Fills the addresses dumps hide, when the resolver is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Resolver resolver;

    @Override
    public String id() {
        return "ripe-irt";
    }

    @Override
    public String description() {
        return "RIPE irt objects in RPSL (ripe.db.irt.gz dump, whois output), file or URL";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(location);
        List<RpslObject> objects = RpslParser.parse(input, gunzip(input, SourceInput.fetch(location)), null).objects();
        Map<String, RpslObject> keyCerts = IrtTeams.keyCerts(objects);
        Map<String, Team> teams = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int placeholders = 0;
        for (RpslObject o : objects) {
            if (!o.type().equals("irt")) {
                continue;
            }
            Team t = IrtTeams.toTeam(o, keyCerts, warnings);
            if (teams.putIfAbsent(t.sourceKey(), t) != null) {
                throw new InputException(input, o.line(), 1, "irt " + t.sourceKey() + " appears twice");
            }
            if (t.emails().stream().anyMatch(IrtTeams.PLACEHOLDER::equalsIgnoreCase)) {
                placeholders++;
            }
            progress.worked(teams.size(), -1, t.sourceKey());
        }
        List<Team> found = List.copyOf(teams.values());
        if (placeholders > 0) {
            warnings.add(placeholders + " irt object(s) carry the placeholder " + IrtTeams.PLACEHOLDER
                    + " (RIPE hides irt e-mail addresses in dumps and NRTM); they are flagged unless a live whois query gives the real address");
            found = IrtTeams.fillHidden(found, keyCerts, LiveIrtLookup.of(resolver), warnings);
        }
        return new SourceSnapshot(id(), input, Instant.now(), found, warnings);
    }

    /** Dumps come gzipped; the magic bytes tell. */
    static byte[] gunzip(String input, byte[] data) throws InputException {
        if (data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
            return data;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readNBytes((int) SourceInput.MAX_BYTES);
        } catch (IOException e) {
            throw new InputException(input, 0, 0, "broken gzip data: " + e.getMessage(), e);
        }
    }
}
