package liaison.simnet.internal;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import liaison.whois.Registry;

/**
 * The registries a simulated Internet runs: the five RIRs, JPNIC and IANA, each with the whois host
 * and RDAP base the real one has (so Liaison's bootstrap and referrals lead to them), its port offset
 * and how it says "this space is not mine".
 */
enum Rir {
    RIPE("ripe", Registry.RIPE, "https://rdap.db.ripe.net/", 1),
    ARIN("arin", Registry.ARIN, "https://rdap.arin.net/registry/", 2),
    APNIC("apnic", Registry.APNIC, "https://rdap.apnic.net/", 3),
    LACNIC("lacnic", Registry.LACNIC, "https://rdap.lacnic.net/rdap/", 4),
    AFRINIC("afrinic", Registry.AFRINIC, "https://rdap.afrinic.net/rdap/", 5),
    JPNIC("jpnic", Registry.JPNIC, "https://jpnic.rdap.apnic.net/", 6),
    IANA("iana", Registry.IANA, null, 7);

    /** Domain registries take the ports from here on, one each. */
    static final int FIRST_DOMAIN_REGISTRY_OFFSET = 8;

    final String id;
    final Registry registry;
    final URI rdap;
    final int portOffset;

    Rir(String id, Registry registry, String rdap, int portOffset) {
        this.id = id;
        this.registry = registry;
        this.rdap = rdap == null ? null : URI.create(rdap);
        this.portOffset = portOffset;
    }

    String whoisHost() {
        return registry.whoisServer().host();
    }

    /** The charset the real registry answers in (JPNIC: ISO-2022-JP). */
    Charset charset() {
        return registry.charset() == null ? StandardCharsets.UTF_8 : registry.charset();
    }

    /** True for registries running the RIPE whois software: served by liaison.whoisd from RPSL. */
    boolean rpsl() {
        return registry.ripeFlags();
    }

    static Rir of(String id) {
        for (Rir r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no registry " + id);
    }
}
