package liaison.report.xarf.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.LiaisonException;
import liaison.api.report.Evidence;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.report.ReportTexts;

/**
 * XARF v4: a human-readable part, then one {@code application/json} report per incident (an event),
 * as v4 has one source per report. ENISA RSIT types map to XARF category and type where the event
 * carries what the XARF type requires; otherwise the report is {@code reputation/threat_intelligence}
 * with the RSIT type as threat type, which every event can fill.
 */
@Component(service = ReportFormat.class)
public class XarfFormat implements ReportFormat {

    static final String VERSION = "4.2.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String id() {
        return "xarf";
    }

    @Override
    public String displayName() {
        return "XARF v4 (JSON)";
    }

    @Override
    public RenderedReport render(Report report) throws LiaisonException {
        List<RenderedReport.Part> parts = new ArrayList<>();
        int n = report.evidence().size();
        parts.add(new RenderedReport.Part("text/plain; charset=UTF-8", null,
                ReportTexts.summary(report, n == 1 ? "an XARF v4 report" : n + " XARF v4 reports, one per event").getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < n; i++) {
            try {
                byte[] json = JSON.writeValueAsBytes(xarf(report, report.evidence().get(i)));
                parts.add(new RenderedReport.Part("application/json; charset=UTF-8",
                        report.ticketId() + (n == 1 ? "" : "-" + (i + 1)) + ".xarf.json", json));
            } catch (JsonProcessingException e) {
                throw new LiaisonException("cannot write XARF for report " + report.ticketId() + ": " + e.getMessage(), e);
            }
        }
        return new RenderedReport("[" + report.ticketId() + "] " + report.type().type() + " from your network (XARF)", "multipart/mixed", parts);
    }

    ObjectNode xarf(Report report, Evidence e) throws LiaisonException {
        Map<String, String> a = e.attributes();
        String source = a.getOrDefault("source.ip", a.get("source.fqdn"));
        if (source == null) {
            throw new LiaisonException("report " + report.ticketId() + ": XARF needs a source.ip or source.fqdn for every event");
        }
        Instant when = e.utc() != null ? e.utc() : report.created();
        ObjectNode x = JSON.createObjectNode();
        x.put("xarf_version", VERSION);
        x.put("report_id", UUID.randomUUID().toString());
        x.put("timestamp", when.toString());
        ObjectNode reporter = contact(report);
        x.set("reporter", reporter);
        x.set("sender", reporter.deepCopy());
        x.put("source_identifier", source);
        Integer sourcePort = port(a.get("source.port"));
        if (sourcePort != null) {
            x.put("source_port", sourcePort);
        }
        if (!classify(x, report, e, sourcePort != null || a.get("source.ip") == null)) {
            x.put("category", "reputation");
            x.put("type", "threat_intelligence");
            x.put("threat_type", report.type().type());
        }
        x.put("evidence_source", a.getOrDefault("feed.name", "intelmq"));
        if (e.line() != null) {
            byte[] raw = e.line().getBytes(StandardCharsets.UTF_8);
            ObjectNode item = x.putArray("evidence").addObject();
            item.put("content_type", "text/plain");
            item.put("description", "log line as recorded" + (e.zoneKnown() ? "" : " (the log gave no time zone)"));
            item.put("payload", Base64.getEncoder().encodeToString(raw));
            item.put("hash", "sha256:" + sha256(raw));
        }
        String description = report.description();
        x.put("description", description.length() > 1000 ? description.substring(0, 1000) : description);
        var tags = x.putArray("tags");
        tags.add("rsit:" + tag(report.type().type()));
        tags.add("tlp:" + tag(report.tlp().name().replace("_STRICT", "+strict")));
        return x;
    }

    /** Fills category, type and the type's required fields when the event has them. */
    private static boolean classify(ObjectNode x, Report report, Evidence e, boolean portKnownOrNotIp) {
        Map<String, String> a = e.attributes();
        String protocol = protocol(a.get("protocol.transport"));
        String firstSeen = e.utc() != null ? e.utc().toString() : null;
        String type = report.type().type();
        switch (type) {
            case "brute-force", "scanner", "ddos", "dos", "exploit" -> {
                if (protocol == null || firstSeen == null || !portKnownOrNotIp) {
                    return false;
                }
                x.put("category", "connection");
                x.put("type", switch (type) {
                    case "brute-force" -> "login_attack";
                    case "scanner" -> "port_scan";
                    case "exploit" -> "vulnerability_scan";
                    default -> "ddos";
                });
                if (type.equals("exploit")) {
                    x.put("scan_type", "vulnerability");
                }
                x.put("protocol", protocol);
                x.put("first_seen", firstSeen);
                destination(x, a);
                return true;
            }
            case "infected-system", "c2-server" -> {
                x.put("category", "infrastructure");
                x.put("type", "botnet");
                String family = a.get("malware.name");
                if (family != null) {
                    x.put("malware_family", family);
                }
                x.put("compromise_evidence", type.equals("c2-server") ? "acts as command-and-control server"
                        : "contacted a sinkholed or known command-and-control server");
                return true;
            }
            case "system-compromise", "application-compromise", "privileged-account-compromise", "unprivileged-account-compromise" -> {
                x.put("category", "infrastructure");
                x.put("type", "compromised_server");
                x.put("compromise_method", type);
                return true;
            }
            case "ddos-amplifier", "potentially-unwanted-accessible", "vulnerable-system", "information-disclosure", "weak-crypto" -> {
                String service = a.getOrDefault("protocol.application", a.get("classification.identifier"));
                if (service == null) {
                    return false;
                }
                x.put("category", "vulnerability");
                x.put("type", type.equals("weak-crypto") ? "misconfiguration" : "open_service");
                x.put("service", service);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void destination(ObjectNode x, Map<String, String> a) {
        String ip = a.get("destination.ip");
        if (ip != null) {
            x.put("destination_ip", ip);
        }
        Integer port = port(a.get("destination.port"));
        if (port != null) {
            x.put("destination_port", port);
        }
    }

    private ObjectNode contact(Report report) {
        ObjectNode c = JSON.createObjectNode();
        String email = report.reporter().email();
        c.put("org", report.reporter().team() != null ? report.reporter().team() : email);
        c.put("contact", email);
        c.put("domain", email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        return c;
    }

    private static String protocol(String transport) {
        if (transport == null) {
            return null;
        }
        String p = transport.strip().toLowerCase(Locale.ROOT);
        return List.of("tcp", "udp", "icmp", "sctp").contains(p) ? p : null;
    }

    private static Integer port(String text) {
        if (text == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(text.strip());
            return p >= 1 && p <= 65535 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String tag(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_+-]", "-");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
