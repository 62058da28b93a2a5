package liaison.whois.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.whois.Referral;
import liaison.whois.WhoisServer;

/**
 * Reads the key: value answers of domain registries and registrars (ICANN's format: {@code Domain Name:},
 * {@code Registrar Abuse Contact Email:}, {@code Registrar WHOIS Server:}) and of RWhois servers
 * ({@code network:IP-Network:192.0.2.0/24}). Anything else yields the addresses found in it.
 */
final class KeyValueAnswers {

    private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 /().:-]*?)\\s*:\\s*(.*)$");
    private static final Pattern RWHOIS = Pattern.compile("^(?:network|org|contact):([A-Za-z-]+)(?:;[A-Z])?:(.*)$", Pattern.CASE_INSENSITIVE);

    private KeyValueAnswers() {
    }

    static void readDomain(AnswerBuilder answer) {
        NetworkBuilder domain = null;
        PartyBuilder registrar = null;
        PartyBuilder registrarAbuse = null;
        for (String raw : answer.response.text().split("\r?\n")) {
            if (raw.startsWith(">>>")) {
                break; // the registry's legal text follows
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "domain name", "domain" -> {
                    if (domain == null) {
                        domain = new NetworkBuilder("domain", value.toLowerCase(Locale.ROOT));
                    }
                }
                case "registrar", "sponsoring registrar" -> {
                    registrar = registrar == null ? new PartyBuilder("registrar", "REGISTRAR:" + value) : registrar;
                    registrar.name = value;
                }
                case "registrar abuse contact email" -> {
                    registrarAbuse = registrarAbuse == null ? new PartyBuilder("registrar", "REGISTRAR-ABUSE") : registrarAbuse;
                    registrarAbuse.abuseMailboxes.add(value);
                }
                case "registrar abuse contact phone" -> {
                    registrarAbuse = registrarAbuse == null ? new PartyBuilder("registrar", "REGISTRAR-ABUSE") : registrarAbuse;
                    registrarAbuse.phone(value);
                }
                case "registrar whois server", "whois server" -> {
                    WhoisServer next = WhoisServer.parse(value);
                    if (!next.host().equals(answer.response.server().host())) {
                        answer.referral = new Referral(next, "'" + m.group(1) + ": " + value + "'");
                    }
                }
                case "updated date", "last updated" -> {
                    if (domain != null) {
                        domain.lastModified = Text.date(value);
                    }
                }
                case "tech email", "technical contact email" -> {
                    if (domain != null) {
                        domain.textEmails.add(new liaison.whois.TextEmail(value, raw.strip(), "tech-email"));
                    }
                }
                case "registrant country" -> {
                    if (domain != null) {
                        domain.country = value.toUpperCase(Locale.ROOT);
                    }
                }
                default -> {
                    // other fields do not name contacts
                }
            }
        }
        if (domain == null) {
            answer.notFound = true;
            return;
        }
        if (registrarAbuse != null) {
            if (registrar != null) {
                registrarAbuse.name = registrar.name;
            }
            answer.party(registrarAbuse.build());
            domain.contact("registrar-abuse", registrarAbuse.handle);
        }
        if (registrar != null) {
            domain.name = registrar.name;
        }
        answer.networks.add(domain.build());
    }

    static void readRwhois(AnswerBuilder answer) {
        NetworkBuilder net = null;
        for (String raw : answer.response.text().split("\r?\n")) {
            Matcher m = RWHOIS.matcher(raw.strip());
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            if (key.equals("ip-network") || key.equals("ip-network-block")) {
                if (net != null) {
                    answer.networks.add(net.build());
                }
                net = new NetworkBuilder("network", value);
                net.range = Text.range(value);
            } else if (net != null) {
                switch (key) {
                    case "network-name" -> net.name = value;
                    case "org-name" -> net.org = value;
                    case "country-code", "country" -> net.country = value.toUpperCase(Locale.ROOT);
                    case "updated" -> net.lastModified = Text.date(value);
                    default -> Text.collectEmails(key, value, net.textEmails);
                }
            }
        }
        if (net != null) {
            answer.networks.add(net.build());
        }
    }
}
