package liaison.directory.feed.internal;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceRequest;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Team;
import liaison.directory.TeamJson;
import liaison.directory.nrtm4.Jws;
import liaison.directory.nrtm4.Nrtm4Client;
import liaison.directory.source.SourceInput;

/**
 * Another team's directory, subscribed to with {@code directory sources add feed URL --key PUBKEY}:
 * a signed NRTMv4-style feed of teams as {@code directory feed publish} writes it. Each feed is its
 * own set of teams ({@code feed:NAME}); the signature is always checked.
 */
@Component
public class FeedSource implements DirectorySource {

    private final Nrtm4Client client = new Nrtm4Client(new TeamObjects(), Clock.systemUTC());

    @Override
    public String id() {
        return "feed";
    }

    @Override
    public String description() {
        return "a peer's signed Liaison feed (URL of update-notification-file.jose; --key the peer's public key)";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        return read(SourceRequest.of(location), progress);
    }

    @Override
    public SourceSnapshot read(SourceRequest request, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(request.location());
        if (request.key() == null) {
            throw new LiaisonException(input + ": a feed is only read with its publisher's key; add it with"
                    + " 'liaison directory sources add feed URL --key PUBKEY'");
        }
        PublicKey key = Jws.configuredKey(input, request.key());
        Nrtm4Client.Mirror mirror = client.update(request.location(), key, request.stateDirectory(), progress);
        List<Team> teams = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : mirror.objects().entrySet()) {
            try {
                teams.add(TeamJson.read(e.getValue()));
            } catch (RuntimeException ex) {
                throw new InputException(input, 0, 0, "feed object " + e.getKey() + " is not a valid team: " + ex.getMessage(), ex);
            }
        }
        return new SourceSnapshot(id() + ":" + mirror.source(), input, Instant.now(), teams, mirror.warnings());
    }
}
