package liaison.whois;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;

/**
 * The registries Liaison asks: IANA, the five RIRs, the NIRs whose whois answers differ from their
 * RIR's, and {@link #OTHER} for domain registries, registrars and RWhois servers. Each knows its
 * whois host, the charset its answers come in, how it wants a query written, and the e-mail domains
 * of its own staff (whose addresses are never the abuse contact of a customer's network).
 */
public enum Registry {
    IANA("whois.iana.org", List.of(), List.of("iana.org"), List.of(), StandardCharsets.UTF_8),
    ARIN("whois.arin.net", List.of(), List.of("arin.net"), List.of("rdap.arin.net"), null),
    RIPE("whois.ripe.net", List.of(), List.of("ripe.net"), List.of("rdap.db.ripe.net"), StandardCharsets.ISO_8859_1),
    APNIC("whois.apnic.net", List.of(), List.of("apnic.net"), List.of("rdap.apnic.net"), StandardCharsets.ISO_8859_1),
    LACNIC("whois.lacnic.net", List.of(), List.of("lacnic.net"), List.of("rdap.lacnic.net"), null),
    AFRINIC("whois.afrinic.net", List.of(), List.of("afrinic.net"), List.of("rdap.afrinic.net"), null),
    /** Japan's NIR: bracket labels, ISO-2022-JP, {@code /e} for English. */
    JPNIC("whois.nic.ad.jp", List.of(), List.of("nic.ad.jp"), List.of("jpnic.rdap.apnic.net"), Charset.forName("ISO-2022-JP")),
    /** Korea's NIR (KISA): UTF-8, Korean then English sections. */
    KRNIC("whois.kisa.or.kr", List.of("whois.nic.or.kr", "whois.krnic.net"), List.of("nic.or.kr", "kisa.or.kr", "krnic.net"),
            List.of(), StandardCharsets.UTF_8),
    /** Taiwan's NIR. */
    TWNIC("whois.twnic.net.tw", List.of("whois.twnic.net"), List.of("twnic.net.tw", "twnic.tw"), List.of(), StandardCharsets.UTF_8),
    /** Brazil's NIR (NIC.br), below LACNIC. */
    NICBR("whois.registro.br", List.of(), List.of("registro.br", "nic.br"), List.of("rdap.registro.br"), StandardCharsets.ISO_8859_1),
    /** Domain registries, registrars, RWhois servers: no registry flags, charset guessed. */
    OTHER(null, List.of(), List.of(), List.of(), null);

    private final String whoisHost;
    private final List<String> aliases;
    private final List<String> staffDomains;
    private final List<String> rdapHosts;
    private final Charset charset;

    Registry(String whoisHost, List<String> aliases, List<String> staffDomains, List<String> rdapHosts, Charset charset) {
        this.whoisHost = whoisHost;
        this.aliases = aliases;
        this.staffDomains = staffDomains;
        this.rdapHosts = rdapHosts;
        this.charset = charset;
    }

    /** Lower-case id used in output and JSON: {@code ripe}, {@code jpnic}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The registry's whois server, or null for {@link #OTHER}. */
    public WhoisServer whoisServer() {
        return whoisHost == null ? null : WhoisServer.of(whoisHost);
    }

    /**
     * The charset the registry's answers are in, or null when it must be guessed (UTF-8 when the bytes
     * are valid UTF-8, else ISO-8859-1).
     */
    public Charset charset() {
        return charset;
    }

    /** True for registries running the RIPE whois software, which understand RIPE query flags. */
    public boolean ripeFlags() {
        return this == RIPE || this == APNIC || this == AFRINIC;
    }

    /** The registry whose whois host this is ({@link #OTHER} when none). */
    public static Registry ofHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (Registry r : values()) {
            if (h.equals(r.whoisHost) || r.aliases.contains(h)) {
                return r;
            }
        }
        return OTHER;
    }

    /** The registry serving RDAP at this host ({@code rdap.db.ripe.net}), or {@link #OTHER}. */
    public static Registry ofRdapHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (Registry r : values()) {
            if (r.rdapHosts.contains(h)) {
                return r;
            }
        }
        return OTHER;
    }

    /** The registry by its {@link #id()} or its name as answers write it ({@code AfriNIC}, {@code RIPE NCC}). */
    public static Registry ofName(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace(" NCC", "").replace(".", "");
        for (Registry r : values()) {
            if (r.name().equals(n)) {
                return r;
            }
        }
        return OTHER;
    }

    /** True when the address belongs to the registry's own staff (its hostmaster, helpdesk, ...). */
    public static boolean isStaffAddress(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        for (Registry r : values()) {
            for (String d : r.staffDomains) {
                if (domain.equals(d) || domain.endsWith("." + d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The query for a resource as this registry wants it: ARIN {@code n + <ip>}, {@code a <asn>},
     * {@code r + = <cidr>}; RIPE-software registries {@code -c <ip>} (the irt of the smallest covering
     * object with {@code mnt-irt} comes with the answer, ripe-254); JPNIC {@code <ip>/e} for English.
     */
    public String query(Resource resource) {
        String base = switch (resource) {
            case IpAddress ip -> switch (this) {
                case ARIN -> "n + " + ip.text();
                case RIPE, APNIC, AFRINIC -> "-c " + ip.text();
                default -> ip.text();
            };
            case IpRange range -> switch (this) {
                case ARIN -> range.prefixLength() >= 0 ? "r + = " + range.text() : "n + " + range.first().text();
                case RIPE, APNIC, AFRINIC -> "-c " + range.text();
                default -> range.text();
            };
            case Asn asn -> switch (this) {
                case ARIN -> "a " + asn.number();
                default -> asn.text();
            };
            case DomainName domain -> domain.text();
            default -> throw new IllegalArgumentException(resource.kind().name().toLowerCase(Locale.ROOT)
                    + " '" + resource.text() + "' cannot be looked up in whois");
        };
        return this == JPNIC ? base + "/e" : base;
    }

    /** The query for a handle (a role, person, irt or organisation named in an answer). */
    public String handleQuery(String handle) {
        return switch (this) {
            case ARIN -> "p + " + handle;
            case JPNIC -> handle + "/e";
            default -> handle;
        };
    }
}
