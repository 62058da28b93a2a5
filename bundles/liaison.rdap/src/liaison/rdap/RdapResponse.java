package liaison.rdap;

import java.net.URI;
import java.time.Instant;

/**
 * An RDAP answer as received.
 *
 * @param requested the URL asked for (logical, before endpoint mapping)
 * @param url       the URL that answered, after redirects (logical)
 * @param body      the JSON text
 * @param fetched   when it arrived
 * @param cached    true when it came from a cache
 */
public record RdapResponse(URI requested, URI url, String body, Instant fetched, boolean cached) {
}
