package liaison.whois.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two NIR formats that are not RPSL. JPNIC labels each line with a bracketed field name,
 * in English with {@code /e} and in Japanese otherwise ({@code a. [Network Number] 192.0.2.0/24});
 * a network names its contacts by JPNIC handle. KRNIC (KISA) answers in Korean, then in English:
 * {@code [ Network Information ]} blocks with {@code Name : value} lines and a contact per block.
 */
final class NirAnswers {

    private static final Pattern JPNIC_LINE = Pattern.compile("^(?:[a-z]\\.\\s*)?\\[([^\\]]+)\\]\\s*(.*)$");
    /** JPNIC field names, Japanese and English, to Liaison's. */
    private static final Map<String, String> JPNIC_FIELDS = Map.ofEntries(
            Map.entry("network number", "network"), Map.entry("\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u756a\u53f7", "network"),
            Map.entry("network name", "name"), Map.entry("\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u540d", "name"),
            Map.entry("organization", "org"), Map.entry("\u7d44\u7e54\u540d", "org"),
            Map.entry("administrative contact", "admin-c"), Map.entry("\u7ba1\u7406\u8005\u9023\u7d61\u7a93\u53e3", "admin-c"),
            Map.entry("technical contact", "tech-c"), Map.entry("\u6280\u8853\u9023\u7d61\u62c5\u5f53\u8005", "tech-c"),
            Map.entry("abuse", "abuse"),
            Map.entry("last update", "updated"), Map.entry("\u6700\u7d42\u66f4\u65b0", "updated"),
            Map.entry("as number", "asn"), Map.entry("as\u756a\u53f7", "asn"), Map.entry("as name", "name"), Map.entry("as\u540d", "name"),
            Map.entry("jpnic handle", "handle"), Map.entry("jpnic\u30cf\u30f3\u30c9\u30eb", "handle"),
            Map.entry("last, first", "person"), Map.entry("\u6c0f\u540d", "person"), Map.entry("name", "person"),
            Map.entry("e-mail", "email"), Map.entry("email", "email"), Map.entry("\u96fb\u5b50\u30e1\u30a4\u30eb", "email"),
            Map.entry("tel", "phone"), Map.entry("\u96fb\u8a71\u756a\u53f7", "phone"));

    private static final Pattern KRNIC_LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 .-]*?)\\s*:\\s*(.*)$");

    private NirAnswers() {
    }

    static void readJpnic(AnswerBuilder answer) {
        NetworkBuilder net = null;
        PartyBuilder person = null;
        for (String line : answer.response.text().split("\r?\n")) {
            String trimmed = line.strip();
            // "Less Specific Info." and "More Specific Info." list other networks in short form
            if (trimmed.startsWith("Less Specific Info") || trimmed.startsWith("More Specific Info")
                    || trimmed.startsWith("\u4e0a\u4f4d\u60c5\u5831") || trimmed.startsWith("\u5206\u5272\u60c5\u5831")) {
                break;
            }
            if (trimmed.equalsIgnoreCase("No match!!")) {
                answer.notFound = true;
            }
            Matcher m = JPNIC_LINE.matcher(trimmed);
            if (!m.matches()) {
                continue;
            }
            String field = JPNIC_FIELDS.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            String value = stripTags(m.group(2)).strip();
            if (field == null || value.isEmpty() && !field.equals("network")) {
                continue;
            }
            switch (field) {
                case "network" -> {
                    net = new NetworkBuilder("network", value);
                    net.range = Text.range(value);
                    net.country = "JP";
                    net.source = "JPNIC";
                }
                case "asn" -> {
                    net = new NetworkBuilder("aut-num", value.toUpperCase(Locale.ROOT).startsWith("AS") ? value : "AS" + value);
                    net.asRange(Text.asRange(value));
                    net.country = "JP";
                    net.source = "JPNIC";
                }
                case "handle" -> person = new PartyBuilder("handle", value);
                case "name" -> {
                    if (net != null) {
                        net.name = value;
                    }
                }
                case "org" -> {
                    if (net != null && net.org == null) {
                        net.org = value;
                    } else if (person != null) {
                        person.contact("org", value);
                    }
                }
                case "admin-c", "tech-c" -> {
                    if (net != null) {
                        net.contact(field, value);
                    }
                }
                case "abuse" -> {
                    if (net != null) {
                        // an address given in the network itself: a contact without a handle of its own
                        PartyBuilder inline = new PartyBuilder("abuse", net.key + "#abuse");
                        inline.abuseMailboxes.add(value);
                        answer.party(inline.build());
                        net.contact("abuse-c", inline.handle);
                    }
                }
                case "person" -> {
                    if (person != null) {
                        person.name = value;
                    }
                }
                case "email" -> {
                    if (person != null) {
                        person.email(value);
                    }
                }
                case "phone" -> {
                    if (person != null) {
                        person.phone(value);
                    }
                }
                case "updated" -> {
                    if (person != null) {
                        person.lastModified = Text.date(value);
                    } else if (net != null) {
                        net.lastModified = Text.date(value);
                    }
                }
                default -> {
                    // unknown field
                }
            }
        }
        if (net != null) {
            answer.networks.add(net.build());
        }
        if (person != null) {
            answer.party(person.build());
        }
    }

    /** The JPNIC web gateway links handles; the port-43 answer has the same text without tags. */
    private static String stripTags(String s) {
        return s.replaceAll("<[^>]*>", "");
    }

    static void readKrnic(AnswerBuilder answer) {
        String text = answer.response.text();
        int english = text.indexOf("# ENGLISH");
        if (english >= 0) {
            text = text.substring(english);
        }
        NetworkBuilder net = null;
        PartyBuilder contact = null;
        String section = "";
        int contacts = 0;
        for (String raw : text.split("\r?\n")) {
            String line = stripTags(raw).strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.toLowerCase(Locale.ROOT);
                continue;
            }
            Matcher m = KRNIC_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            switch (key) {
                case "ipv4 address", "ipv6 address" -> {
                    if (net != null) {
                        finishKrnic(answer, net, contact);
                    }
                    contact = null;
                    net = new NetworkBuilder("network", value.replaceAll("\\s*\\(.*\\)", ""));
                    net.range = Text.range(value);
                    net.country = "KR";
                    net.source = "KRNIC";
                }
                case "organization name" -> {
                    if (net != null) {
                        net.org = value;
                    }
                }
                case "service name" -> {
                    if (net != null) {
                        net.name = value;
                    }
                }
                case "network type" -> {
                    if (net != null) {
                        net.status = value;
                    }
                }
                case "registration date" -> {
                    if (net != null) {
                        net.lastModified = Text.date(value);
                    }
                }
                case "name" -> {
                    if (net != null) {
                        if (contact != null) {
                            finishKrnicContact(answer, net, contact);
                        }
                        contact = new PartyBuilder(section.contains("abuse") ? "abuse" : section.contains("admin") ? "admin"
                                : "tech", net.key + "#" + (++contacts));
                        contact.name = value;
                    }
                }
                case "phone" -> {
                    if (contact != null) {
                        contact.phone(value);
                    }
                }
                case "e-mail", "email" -> {
                    if (contact != null) {
                        contact.email(value);
                    }
                }
                default -> {
                    // address, zip code
                }
            }
        }
        if (net != null) {
            finishKrnic(answer, net, contact);
        }
    }

    private static void finishKrnic(AnswerBuilder answer, NetworkBuilder net, PartyBuilder contact) {
        if (contact != null) {
            finishKrnicContact(answer, net, contact);
        }
        answer.networks.add(net.build());
    }

    private static void finishKrnicContact(AnswerBuilder answer, NetworkBuilder net, PartyBuilder contact) {
        String attribute = switch (contact.type) {
            case "abuse" -> "abuse-c";
            case "admin" -> "admin-c";
            default -> "tech-c";
        };
        if (contact.type.equals("abuse")) {
            contact.abuseMailboxes.addAll(contact.emails);
        }
        answer.party(contact.build());
        net.contact(attribute, contact.handle);
    }
}
