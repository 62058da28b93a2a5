package liaison.directory.ripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import liaison.api.LiaisonException;
import liaison.api.model.ChannelType;
import liaison.api.model.ContactChannel;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;
import liaison.directory.source.PgpKeys;
import liaison.rpsl.RpslObject;

/**
 * Turns RPSL {@code irt} objects (ripe-254) into directory teams: the irt name is the key and the
 * irt object, {@code e-mail} and {@code abuse-mailbox} become e-mail channels, {@code phone} and
 * {@code fax-no} phone channels, {@code address} the postal address; {@code signature} and
 * {@code encryption} keys are resolved through the {@code key-cert} objects read with them.
 */
public final class IrtTeams {

    /** RIPE's NRTM streams and dumps replace every irt e-mail with this address. */
    public static final String PLACEHOLDER = "unread@ripe.net";

    /** Live queries per import at most: a dump of thousands of hidden addresses is no reason to flood the registry. */
    public static final int MAX_LIVE_QUERIES = 50;

    /** The current irt object by name, from a live source (a whois query). */
    @FunctionalInterface
    public interface LiveIrt {
        /** The irt object, or empty when the registry has none by that name. */
        Optional<RpslObject> irt(String name) throws LiaisonException;
    }

    private IrtTeams() {
    }

    /**
     * Replaces the teams whose irt object carries {@link #PLACEHOLDER} with the team the live irt
     * object describes, when it names a real address; at most {@link #MAX_LIVE_QUERIES} queries, and
     * none after the first failure (an unreachable server is not asked again and again).
     *
     * @param warnings receives how many were filled, and why the others were not
     */
    public static List<Team> fillHidden(List<Team> teams, Map<String, RpslObject> keyCerts, LiveIrt live, List<String> warnings) {
        List<Team> out = new ArrayList<>(teams.size());
        int asked = 0;
        int filled = 0;
        String failure = null;
        for (Team t : teams) {
            boolean hidden = t.emails().stream().anyMatch(PLACEHOLDER::equalsIgnoreCase);
            if (!hidden || failure != null || asked >= MAX_LIVE_QUERIES) {
                out.add(t);
                continue;
            }
            asked++;
            try {
                Optional<RpslObject> current = live.irt(t.sourceKey());
                Team liveTeam = current.map(o -> toTeam(o, keyCerts, warnings)).orElse(null);
                if (liveTeam != null && liveTeam.emails().stream().anyMatch(e -> !PLACEHOLDER.equalsIgnoreCase(e))) {
                    out.add(liveTeam);
                    filled++;
                } else {
                    out.add(t);
                }
            } catch (LiaisonException | RuntimeException e) {
                failure = e.getMessage();
                out.add(t);
            }
        }
        if (filled > 0) {
            warnings.add(filled + " irt object(s) with " + PLACEHOLDER + " were filled from a live whois query of their current object");
        }
        if (failure != null) {
            warnings.add("hidden irt addresses not filled from live whois: " + failure);
        }
        return out;
    }

    /** The key-cert objects of a document by name ({@code PGPKEY-A1B2C3D4}, upper case). */
    public static Map<String, RpslObject> keyCerts(List<RpslObject> objects) {
        Map<String, RpslObject> out = new java.util.HashMap<>();
        for (RpslObject o : objects) {
            if (o.type().equals("key-cert")) {
                out.put(o.key().toUpperCase(Locale.ROOT), o);
            }
        }
        return out;
    }

    /**
     * The team an irt object describes.
     *
     * @param keyCerts key-cert objects by name, for the irt's signature and encryption keys
     * @param warnings receives what could not be used (an unknown key-cert)
     */
    public static Team toTeam(RpslObject irt, Map<String, RpslObject> keyCerts, List<String> warnings) {
        if (!irt.type().equals("irt")) {
            throw new IllegalArgumentException("not an irt object: " + irt.type() + " " + irt.key());
        }
        String name = irt.key().toUpperCase(Locale.ROOT);
        Team.Builder b = Team.builder(name).shortName(name).irtObject(name);
        List<String> address = irt.getAll("address");
        if (!address.isEmpty()) {
            b.postalAddress(String.join("\n", address));
        }
        List<ContactChannel> channels = new ArrayList<>();
        List<String> abuse = irt.getList("abuse-mailbox");
        for (String mail : irt.getList("e-mail")) {
            channels.add(new ContactChannel(ChannelType.EMAIL, mail, abuse.stream().anyMatch(mail::equalsIgnoreCase)
                    ? "incident reports, abuse" : "incident reports", null, null));
        }
        for (String mail : abuse) {
            if (channels.stream().noneMatch(c -> c.value().equalsIgnoreCase(mail))) {
                channels.add(new ContactChannel(ChannelType.EMAIL, mail, "abuse", null, null));
            }
        }
        irt.getAll("phone").forEach(p -> channels.add(ContactChannel.of(ChannelType.PHONE, p)));
        irt.getAll("fax-no").forEach(p -> channels.add(ContactChannel.of(ChannelType.FAX, p)));
        b.channels(channels);

        List<String> keyNames = new ArrayList<>(irt.getList("signature"));
        irt.getList("encryption").stream().filter(k -> keyNames.stream().noneMatch(k::equalsIgnoreCase)).forEach(keyNames::add);
        for (String keyName : keyNames) {
            RpslObject cert = keyCerts.get(keyName.toUpperCase(Locale.ROOT));
            PgpKey key = cert == null ? null : key(cert, warnings);
            if (key != null) {
                b.pgpKey(key);
            } else if (cert == null) {
                warnings.add("irt " + name + ": key-cert " + keyName + " is not in the input; its fingerprint is unknown");
            }
        }
        return b.build();
    }

    private static PgpKey key(RpslObject cert, List<String> warnings) {
        List<String> certif = cert.getAll("certif");
        if (!certif.isEmpty()) {
            try {
                return PgpKeys.read(String.join("\n", certif));
            } catch (IllegalArgumentException e) {
                warnings.add("key-cert " + cert.key() + ": " + e.getMessage());
            }
        }
        return cert.get("fingerpr").map(fp -> new PgpKey(fp, null, null)).orElse(null);
    }
}
