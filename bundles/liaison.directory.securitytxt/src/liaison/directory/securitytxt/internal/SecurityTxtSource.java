package liaison.directory.securitytxt.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.ChannelType;
import liaison.api.model.ContactChannel;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;
import liaison.directory.source.SourceInput;

/**
 * A team's own {@code security.txt} (RFC 9116): its Contact lines become channels, an
 * {@code openpgp4fpr:} Encryption its key. Expires is honoured: an expired file gives no team (a
 * team listed only by it is then removed). Files that break the RFC in ways a reader can live with
 * (dates in RFC 5322 form, no Expires, a bare address as Contact, unknown fields) are read with
 * warnings; a file without any Contact is refused. Each site is its own set: {@code securitytxt:HOST}.
 */
@Component
public class SecurityTxtSource implements DirectorySource {

    @Override
    public String id() {
        return "securitytxt";
    }

    @Override
    public String description() {
        return "a team's security.txt (RFC 9116), file or URL (https://HOST/.well-known/security.txt)";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(location);
        String text = new String(SourceInput.fetch(location), StandardCharsets.UTF_8);
        List<String> warnings = new ArrayList<>();
        List<ContactChannel> channels = new ArrayList<>();
        List<PgpKey> keys = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        Instant expires = null;
        boolean expiresSeen = false;
        String[] lines = text.split("\\r?\\n", -1);
        int first = 0;
        int last = lines.length;
        if (lines.length > 0 && lines[0].strip().equals("-----BEGIN PGP SIGNED MESSAGE-----")) {
            first = 1;
            while (first < lines.length && lines[first].startsWith("Hash:")) {
                first++;
            }
            for (last = first; last < lines.length && !lines[last].strip().equals("-----BEGIN PGP SIGNATURE-----"); last++) {
                // find the end of the signed text
            }
            warnings.add(input + ": the file is OpenPGP-signed; the signature is not checked here");
        }
        for (int i = first; i < last; i++) {
            int lineNo = i + 1;
            String line = lines[i].startsWith("- ") ? lines[i].substring(2) : lines[i]; // RFC 4880 dash-escaping
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                warnings.add(input + ":" + lineNo + ": not a 'Field: value' line; ignored");
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "contact" -> contact(input, lineNo, value, channels, warnings);
                case "expires" -> {
                    if (expiresSeen) {
                        throw new InputException(input, lineNo, 1, "Expires appears more than once");
                    }
                    expiresSeen = true;
                    expires = expires(input, lineNo, value, warnings);
                }
                case "encryption" -> {
                    if (value.regionMatches(true, 0, "openpgp4fpr:", 0, 12)) {
                        keys.add(new PgpKey(value.substring(12), null, null));
                    }
                }
                case "canonical" -> canonical.add(value);
                default -> { } // Policy, Hiring, Acknowledgments, Preferred-Languages, CSAF and extensions
            }
        }
        if (channels.isEmpty()) {
            throw new InputException(input, 0, 0, "no Contact field; RFC 9116 requires at least one");
        }
        if (!expiresSeen) {
            warnings.add(input + ": no Expires field (RFC 9116 requires one); the contacts are used");
        }
        boolean remote = !"file".equalsIgnoreCase(location.getScheme());
        if (remote && !canonical.isEmpty() && !canonical.contains(location.toString())) {
            warnings.add(input + ": read from a URL its Canonical fields do not list (" + String.join(", ", canonical) + ")");
        }
        String host = host(location, remote, canonical, channels);
        Team team = Team.builder(host).shortName(host).channels(channels).pgpKeys(keys)
                .securityTxtUrl(remote ? location.toString() : canonical.isEmpty() ? null : canonical.get(0)).build();
        List<Team> teams = List.of(team);
        if (expires != null && expires.isBefore(Instant.now())) {
            warnings.add(input + ": expired on " + expires + "; its contacts are not used");
            teams = List.of();
        }
        return new SourceSnapshot(id() + ":" + host, input, Instant.now(), teams, warnings);
    }

    private static void contact(String input, int line, String value, List<ContactChannel> channels, List<String> warnings) {
        String lc = value.toLowerCase(Locale.ROOT);
        if (lc.startsWith("mailto:")) {
            channels.add(new ContactChannel(ChannelType.EMAIL, value.substring(7), "security.txt Contact", null, null));
        } else if (lc.startsWith("tel:")) {
            channels.add(new ContactChannel(ChannelType.PHONE, value.substring(4), "security.txt Contact", null, null));
        } else if (lc.startsWith("https:") || lc.startsWith("http:")) {
            if (lc.startsWith("http:")) {
                warnings.add(input + ":" + line + ": Contact URL is not https (RFC 9116 requires https for web URIs)");
            }
            channels.add(new ContactChannel(ChannelType.WEB_FORM, value, "security.txt Contact", null, null));
        } else if (value.contains("@")) {
            warnings.add(input + ":" + line + ": Contact '" + value + "' is not a URI (mailto: missing); read as an e-mail address");
            channels.add(new ContactChannel(ChannelType.EMAIL, value, "security.txt Contact", null, null));
        } else {
            warnings.add(input + ":" + line + ": Contact '" + value + "' is neither mailto:, tel: nor https:; ignored");
        }
    }

    private static Instant expires(String input, int line, String value, List<String> warnings) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            try {
                Instant t = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                warnings.add(input + ":" + line + ": Expires '" + value + "' is an RFC 5322 date, not RFC 3339; read anyway");
                return t;
            } catch (DateTimeParseException e) {
                warnings.add(input + ":" + line + ": Expires '" + value + "' is not a date; the file is treated as not expiring");
                return null;
            }
        }
    }

    /** Whose file it is: the site it was read from, else its Canonical URL's, else its first contact's domain. */
    private static String host(URI location, boolean remote, List<String> canonical, List<ContactChannel> channels) {
        if (remote && location.getHost() != null) {
            return location.getHost().toLowerCase(Locale.ROOT);
        }
        for (String c : canonical) {
            String h = URI.create(c).getHost();
            if (h != null) {
                return h.toLowerCase(Locale.ROOT);
            }
        }
        ContactChannel c = channels.get(0);
        if (c.type() == ChannelType.EMAIL) {
            return c.value().substring(c.value().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
        String h = c.type() == ChannelType.WEB_FORM ? URI.create(c.value()).getHost() : null;
        return h != null ? h.toLowerCase(Locale.ROOT) : Path.of(location).getFileName().toString();
    }
}
