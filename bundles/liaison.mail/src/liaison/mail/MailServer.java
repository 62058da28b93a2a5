package liaison.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A mail server as given on the command line: {@code smtp://user:password@host:587?starttls=required},
 * {@code smtps://host:465}, {@code imaps://user@host/INBOX}. A password missing from the URL is taken
 * from {@code LIAISON_SMTP_PASSWORD} or {@code LIAISON_IMAP_PASSWORD}, so it need not appear in a
 * process list.
 *
 * @param protocol  {@code smtp}, {@code smtps}, {@code imap} or {@code imaps}
 * @param host      server name
 * @param port      port, or -1 for the protocol's default
 * @param user      login, or null for none
 * @param password  password, or null
 * @param folder    IMAP folder ({@code INBOX} when none is given); null for SMTP
 * @param startTls  {@code required}, {@code optional} (the default) or {@code none} for the plain protocols
 * @param trust     hosts whose certificates are trusted without a CA ({@code trust=host} or {@code *}), or null
 */
public record MailServer(String protocol, String host, int port, String user, String password, String folder,
        String startTls, String trust) {

    public static MailServer parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a mail server URL: " + url + " (" + e.getReason() + ")");
        }
        String protocol = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!protocol.matches("smtps?|imaps?") || uri.getHost() == null) {
            throw new IllegalArgumentException("a mail server URL looks like smtp://host:587 or imaps://user@host/INBOX: " + url);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getRawUserInfo().split(":", 2);
            user = decode(info[0]);
            password = info.length > 1 ? decode(info[1]) : null;
        }
        if (password == null && user != null) {
            password = System.getenv(protocol.startsWith("smtp") ? "LIAISON_SMTP_PASSWORD" : "LIAISON_IMAP_PASSWORD");
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]).toLowerCase(Locale.ROOT), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        String startTls = query.getOrDefault("starttls", "optional").toLowerCase(Locale.ROOT);
        if (!startTls.matches("required|optional|none")) {
            throw new IllegalArgumentException("starttls is required, optional or none: " + startTls);
        }
        String path = uri.getPath() == null || uri.getPath().length() <= 1 ? null : uri.getPath().substring(1);
        String folder = protocol.startsWith("imap") ? (path == null ? "INBOX" : path) : null;
        return new MailServer(protocol, uri.getHost(), uri.getPort(), user, password, folder, startTls, query.get("trust"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** True for the implicit-TLS protocols ({@code smtps}, {@code imaps}). */
    public boolean implicitTls() {
        return protocol.endsWith("s");
    }

    /** The URL without the password, for logs and messages. */
    public String display() {
        return protocol + "://" + (user == null ? "" : user + "@") + host + (port < 0 ? "" : ":" + port)
                + (folder == null ? "" : "/" + folder);
    }
}
