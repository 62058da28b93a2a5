package liaison.directory.ripe;

import java.util.Optional;

import liaison.api.LiaisonException;
import liaison.resolve.Resolver;
import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslParser;
import liaison.whois.Registry;

/**
 * Current irt objects from the RIPE Database's whois, through the resolver (its politeness and the
 * workspace's endpoints preference): what dumps and NRTM mirrors hide behind {@link IrtTeams#PLACEHOLDER}.
 */
public final class LiveIrtLookup implements IrtTeams.LiveIrt {

    private final Resolver resolver;

    public LiveIrtLookup(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The live lookup when a resolver is present, else one that finds nothing. */
    public static IrtTeams.LiveIrt of(Resolver resolver) {
        return resolver == null ? name -> Optional.empty() : new LiveIrtLookup(resolver);
    }

    @Override
    public Optional<RpslObject> irt(String name) throws LiaisonException {
        var server = Registry.RIPE.whoisServer();
        String answer = resolver.whoisObject(server, "irt", name);
        return RpslParser.parse(server.toString(), answer).objects().stream()
                .filter(o -> o.type().equals("irt") && o.key().equalsIgnoreCase(name)).findFirst();
    }
}
