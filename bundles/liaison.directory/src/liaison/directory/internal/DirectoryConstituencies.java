package liaison.directory.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.api.directory.TeamConstituencies;
import liaison.api.model.CandidateFlag;
import liaison.api.model.Team;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.TeamFilter;

/**
 * The directory's active teams with a constituency, for the constituency mapper's index: the merged
 * values with overrides applied, placeholder addresses left out, keyed by the directory's team id.
 */
@Component
public class DirectoryConstituencies implements TeamConstituencies {

    private final DirectoryService directory;

    @Activate
    public DirectoryConstituencies(@Reference DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public String id() {
        return "directory";
    }

    @Override
    public Instant asOf() {
        return active().stream().map(DirectoryTeam::changedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    @Override
    public List<Team> teams() {
        return active().stream().filter(d -> !d.team().constituency().isEmpty())
                .map(d -> d.team().toBuilder().channels(d.team().channels().stream()
                        .filter(c -> !d.flags(Field.of(c.type()), c.value()).contains(CandidateFlag.PLACEHOLDER_ADDRESS)).toList())
                        .build())
                .toList();
    }

    private List<DirectoryTeam> active() {
        try {
            return directory.list(TeamFilter.ACTIVE);
        } catch (LiaisonException e) {
            throw new IllegalStateException("the directory cannot be read: " + e.getMessage(), e);
        }
    }
}
