package liaison.directory.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.api.model.Role;
import liaison.api.resolve.ResolutionContext;
import liaison.api.resolve.ResolverStep;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;

/**
 * Contact resolution from the directory: the teams whose constituency (from TI, a feed, CSV or a
 * coordinator's override) covers the resource, most specific first. Local data only, so it answers
 * offline too.
 */
@Component
public class DirectoryResolverStep implements ResolverStep {

    /** Candidates given per resource: beyond that the constituencies are too broad to help. */
    static final int MAX_CANDIDATES = 5;

    private final DirectoryService directory;

    @Activate
    public DirectoryResolverStep(@Reference DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public String id() {
        return "directory";
    }

    @Override
    public List<ContactCandidate> resolve(Resource resource, ResolutionContext context) throws LiaisonException {
        List<ContactCandidate> out = new ArrayList<>();
        for (DirectoryTeam d : directory.covering(resource)) {
            if (out.size() == MAX_CANDIDATES) {
                break;
            }
            List<String> phones = Field.EMERGENCY_PHONE.values(d.team()).isEmpty() ? Field.PHONE.values(d.team())
                    : Field.EMERGENCY_PHONE.values(d.team());
            Set<CandidateFlag> flags = EnumSet.noneOf(CandidateFlag.class);
            if (d.override(Field.EMAIL) != null) {
                flags.add(CandidateFlag.OVERRIDDEN);
            }
            out.add(new ContactCandidate(Role.DIRECTORY, d.shortName(), d.emails(), phones.isEmpty() ? null : phones.get(0),
                    "directory (" + String.join(", ", d.sources()) + ")",
                    List.of("directory team " + d.shortName() + " (" + d.id() + ")", "constituency "
                            + Search.bestMatch(d.team().constituency(), resource).map(Search.Match::entry).orElse("?")),
                    d.changedAt(), confidence(d), flags));
        }
        return out;
    }

    /** Vetted teams rank higher: TI certified, accredited, listed, then the rest; no address lowers it. */
    static double confidence(DirectoryTeam d) {
        String c = d.team().tiClassification();
        double base = c == null ? 0.55 : switch (c) {
            case "certified" -> 0.75;
            case "accredited" -> 0.7;
            default -> 0.6;
        };
        return d.emails().isEmpty() ? base - 0.2 : base;
    }
}
