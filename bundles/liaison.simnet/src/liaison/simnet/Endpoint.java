package liaison.simnet;

/**
 * One server of a simulated Internet, as {@code liaison drill serve} lists it.
 *
 * @param kind    {@code whois}, {@code rdap}, {@code smtp} or {@code imap}
 * @param name    what it stands in for: the whois host ({@code whois.ripe.net}) or RDAP base URL; null for mail
 * @param address where it really listens: {@code 127.0.0.1:43101} or {@code http://127.0.0.1:43180/ripe/}
 */
public record Endpoint(String kind, String name, String address) {

    /** {@code whois whois.ripe.net 127.0.0.1:43101}, {@code smtp 127.0.0.1:43125}. */
    public String line() {
        return name == null ? kind + " " + address : kind + " " + name + " " + address;
    }
}
