package liaison.triage.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.api.model.DomainName;
import liaison.api.model.EmailAddress;
import liaison.api.model.IpAddress;
import liaison.api.triage.Indicator;
import liaison.api.triage.Indicator.Kind;
import liaison.api.triage.Indicator.Role;

/**
 * Finds indicators in free text: addresses, URLs, e-mail addresses and domain names. Candidates are
 * validated by the API's parsers, so "999.1.1.1" or "index.html" are not reported.
 */
final class Indicators {

    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp)://[^\\s\"'<>\\]\\[)]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,63}");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.]*\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|(?:\\d{1,3}\\.){3}\\d{1,3})(?![\\w:])");
    private static final Pattern DOMAIN = Pattern.compile("(?<![\\w.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(?![\\w.-]*[\\w])");
    /** Tokens that look like names but are files or programs in logs. */
    private static final Set<String> NOT_TLDS = Set.of("html", "htm", "php", "asp", "aspx", "jsp", "js", "css", "png", "jpg",
            "jpeg", "gif", "ico", "svg", "txt", "log", "conf", "cfg", "ini", "xml", "json", "yaml", "yml", "sh", "py", "pl",
            "rb", "so", "service", "socket", "target", "timer", "mount", "pid", "lock", "tmp", "bak", "zip", "gz", "tar", "jar",
            "class", "java", "exe", "dll", "bin", "cgi", "old", "local", "localdomain", "lan", "internal", "arpa", "swp");

    private Indicators() {
    }

    /** Every indicator in the text, each once, in order of appearance; all with the given role. */
    static List<Indicator> scan(String text, Role role) {
        Map<String, Indicator> found = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = trimPunctuation(m.group());
            add(found, Kind.URL, url, role);
            try {
                String host = URI.create(url).getHost();
                if (host != null) {
                    addHost(found, host, role);
                }
            } catch (IllegalArgumentException notAUri) {
                // The text around a URL-like token is not a URL: keep the URL text only.
            }
            blank(rest, m.start(), m.end());
        }
        m = EMAIL.matcher(rest);
        while (m.find()) {
            try {
                EmailAddress e = EmailAddress.of(trimPunctuation(m.group()));
                add(found, Kind.EMAIL, e.address(), role);
                addHost(found, e.domain(), role);
            } catch (IllegalArgumentException notAnAddress) {
                continue;
            }
            blank(rest, m.start(), m.end());
        }
        m = IPV4.matcher(rest);
        while (m.find()) {
            ip(found, m.group(), role);
        }
        m = IPV6.matcher(rest);
        while (m.find()) {
            if (m.group().chars().filter(c -> c == ':').count() >= 2 && !m.group().matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                ip(found, m.group(), role);
            }
        }
        m = DOMAIN.matcher(rest);
        while (m.find()) {
            addHost(found, m.group(), role);
        }
        return List.copyOf(found.values());
    }

    /** Validates and canonicalises an address; returns null when the text is none. */
    static String address(String text) {
        if (text == null) {
            return null;
        }
        try {
            return IpAddress.parse(text).text();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void ip(Map<String, Indicator> found, String text, Role role) {
        String canonical = address(text);
        if (canonical != null) {
            add(found, Kind.IP, canonical, role);
        }
    }

    private static void addHost(Map<String, Indicator> found, String host, Role role) {
        String ip = address(host);
        if (ip != null) {
            add(found, Kind.IP, ip, role);
            return;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (NOT_TLDS.contains(tld) || !host.contains(".")) {
            return;
        }
        try {
            add(found, Kind.DOMAIN, DomainName.of(host).name(), role);
        } catch (IllegalArgumentException notAName) {
            // skipped: not a valid domain name
        }
    }

    private static void add(Map<String, Indicator> found, Kind kind, String value, Role role) {
        found.putIfAbsent(kind + " " + value, new Indicator(kind, value, role));
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
