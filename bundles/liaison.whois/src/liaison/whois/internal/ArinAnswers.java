package liaison.whois.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.whois.NetworkRecord;
import liaison.whois.Referral;
import liaison.whois.WhoisServer;

/**
 * Reads ARIN's key: value answers. {@code n + <ip>} lists every net from the least specific down, each
 * followed by its organisation (or customer) and that organisation's POCs ({@code OrgAbuse*},
 * {@code OrgTech*}, {@code OrgNOC*}); resource POCs ({@code RAbuse*}, {@code RTech*}, {@code RNOC*})
 * belong to the net they follow. {@code ReferralServer} may appear once per net: the last one wins.
 */
final class ArinAnswers {

    private static final Pattern LINE = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):\\s*(.*)");
    /** A POC field: owner prefix (Org or R), function, field. */
    private static final Pattern POC = Pattern.compile("(Org|R)(Abuse|Tech|NOC|Routing|DNS)(Handle|Name|Phone|Email|Ref)");

    private ArinAnswers() {
    }

    static void read(AnswerBuilder answer) {
        List<NetworkBuilder> nets = new ArrayList<>();
        Map<String, String> orgCountry = new HashMap<>();
        NetworkBuilder net = null;
        PartyBuilder org = null;
        PartyBuilder poc = null;
        String referral = null;
        String resourceLink = null;
        for (String raw : answer.response.text().split("\r?\n")) {
            if (raw.startsWith("#") || raw.startsWith("%")) {
                if (raw.toLowerCase(Locale.ROOT).contains("no match found")) {
                    answer.notFound = true;
                }
                continue;
            }
            if (raw.toLowerCase(Locale.ROOT).startsWith("no match found")) {
                answer.notFound = true;
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            String value = m.group(2).strip();
            Matcher p = POC.matcher(key);
            if (p.matches()) {
                String attribute = (p.group(1) + p.group(2)).toLowerCase(Locale.ROOT);
                switch (p.group(3)) {
                    case "Handle" -> {
                        finish(answer, poc);
                        poc = new PartyBuilder("poc", value);
                        if (p.group(1).equals("R") && net != null) {
                            net.contact(attribute, value);
                        } else if (org != null) {
                            org.contact(attribute, value);
                        }
                    }
                    case "Name" -> {
                        if (poc != null) {
                            poc.name = value;
                        }
                    }
                    case "Phone" -> {
                        if (poc != null) {
                            poc.phone(value);
                        }
                    }
                    case "Email" -> {
                        if (poc != null) {
                            poc.email(value);
                        }
                    }
                    default -> {
                        // Ref: a URL of the POC, not needed
                    }
                }
                continue;
            }
            switch (key) {
                case "NetRange" -> {
                    net = new NetworkBuilder("NetRange", value);
                    net.range = Text.range(value);
                    nets.add(net);
                }
                case "ASNumber" -> {
                    net = new NetworkBuilder("ASNumber", value);
                    net.asRange(Text.asRange(value));
                    nets.add(net);
                }
                case "NetName", "ASName" -> {
                    if (net != null) {
                        net.name = value;
                    }
                }
                case "NetType" -> {
                    if (net != null) {
                        net.status = value;
                    }
                }
                case "Organization", "Customer" -> {
                    if (net != null) {
                        net.org = Text.handleInParentheses(value);
                    }
                }
                case "Comment" -> { // after OrgName it is the organisation's, else the net's
                    if (org != null) {
                        Text.collectEmails("comment", value, org.textEmails);
                    } else if (net != null) {
                        net.remark("comment", value);
                    }
                }
                case "Updated" -> {
                    if (org != null) {
                        org.lastModified = Text.later(org.lastModified, Text.date(value));
                    } else if (net != null) {
                        net.lastModified = Text.later(net.lastModified, Text.date(value));
                    }
                }
                case "OrgName", "CustName" -> {
                    finish(answer, poc);
                    poc = null;
                    finish(answer, org);
                    org = new PartyBuilder("org", null);
                    org.name = value;
                }
                case "OrgId" -> {
                    if (org != null) {
                        org.handle = value;
                    }
                    if (net != null && net.org == null) {
                        net.org = value; // older answers name the net's organisation only by the block that follows it
                    }
                }
                case "Country" -> {
                    if (org != null && org.handle != null) {
                        orgCountry.put(org.handle, value.toUpperCase(Locale.ROOT));
                    }
                }
                case "Ref" -> {
                    // a customer's handle is only in its Ref URL: .../rest/customer/C01234
                    if (org != null && org.handle == null && value.contains("/customer/")) {
                        org.handle = value.substring(value.lastIndexOf('/') + 1);
                        if (net != null && net.org == null) {
                            net.org = org.handle;
                        }
                    }
                }
                case "ReferralServer" -> referral = value;
                case "ResourceLink" -> {
                    if (!value.contains("://") && value.contains(".")) {
                        resourceLink = value;
                    }
                }
                default -> {
                    // addresses, dates, handles of the net: not needed
                }
            }
            if (key.equals("NetRange") || key.equals("ASNumber")) {
                finish(answer, poc);
                poc = null;
                finish(answer, org);
                org = null;
            }
        }
        finish(answer, poc);
        finish(answer, org);
        for (NetworkBuilder b : nets) {
            if (b.country == null && b.org != null) {
                b.country = orgCountry.get(b.org);
            }
            NetworkRecord r = b.build();
            answer.networks.add(r);
        }
        if (referral != null && !referral.isBlank()) {
            answer.referral = new Referral(WhoisServer.parse(referral), "ARIN 'ReferralServer: " + referral + "'");
        } else if (resourceLink != null) {
            answer.referral = new Referral(WhoisServer.parse(resourceLink), "ARIN 'ResourceLink: " + resourceLink + "'");
        }
    }

    private static void finish(AnswerBuilder answer, PartyBuilder b) {
        if (b != null && b.handle != null) {
            answer.party(b.build());
        }
    }
}
