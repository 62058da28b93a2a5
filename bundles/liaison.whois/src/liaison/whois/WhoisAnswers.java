package liaison.whois;

import java.util.List;

import liaison.api.InputException;
import liaison.api.whois.WhoisObject;
import liaison.whois.internal.Readers;

/**
 * Reads any whois answer into one {@link WhoisAnswer}: RIPE/APNIC/AFRINIC RPSL, ARIN key: value
 * blocks, LACNIC, JPNIC bracket labels, KRNIC, domain registries and RWhois. The format is chosen by
 * the registry that answered and, for servers reached by referral, by what the text looks like.
 */
public final class WhoisAnswers {

    private WhoisAnswers() {
    }

    /**
     * Reads an answer.
     *
     * @param registry the registry of the server that answered ({@link Registry#OTHER} for others)
     * @throws InputException when the answer cannot be read at all; single odd lines are skipped
     *                        with a warning instead
     */
    public static WhoisAnswer parse(WhoisResponse response, Registry registry) throws InputException {
        return Readers.read(response, registry);
    }

    /**
     * Reads an answer that a {@link liaison.api.whois.WhoisAnswerParser} translated into RPSL objects,
     * by the rules Liaison applies to RPSL registries; {@link WhoisAnswer#response()} keeps the raw answer.
     *
     * @throws InputException when the objects are not valid RPSL (a malformed key, for instance)
     */
    public static WhoisAnswer parse(WhoisResponse response, Registry registry, List<WhoisObject> objects) throws InputException {
        return Readers.read(response, registry, objects);
    }
}
