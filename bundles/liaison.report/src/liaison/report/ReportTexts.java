package liaison.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.Report;

/**
 * How every format writes times, endpoints and the human-readable part of a report, so a text, an
 * XARF and an IODEF report of the same incident read the same.
 */
public final class ReportTexts {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportTexts() {
    }

    /** {@code 2026-11-20 10:00:00 UTC}, or {@code time unknown}. */
    public static String utc(Evidence e) {
        return e.observed() == null ? "time unknown" : UTC.format(e.observed());
    }

    /** The time as the log wrote it, with its offset ({@code 2026-11-20T11:00:00+01:00}), or a note that it had none. */
    public static String original(Evidence e) {
        if (e.observed() == null) {
            return "no time in the log";
        }
        return e.zoneKnown() ? e.observed().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : "logged without time zone, read as UTC";
    }

    /** {@code 192.0.2.1:22}, {@code [2001:db8::1]:22}, or the address alone; empty when the event has none. */
    public static String endpoint(Map<String, String> attributes, String side) {
        String ip = attributes.getOrDefault(side + ".ip", attributes.get(side + ".fqdn"));
        if (ip == null) {
            return "";
        }
        String port = attributes.get(side + ".port");
        String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
        return port == null ? ip : host + ":" + port;
    }

    /** One line per evidence: time, endpoints, protocol; the raw line indented below it. */
    public static String evidenceLine(Evidence e) {
        StringBuilder s = new StringBuilder(utc(e)).append(" (").append(original(e)).append(")  ");
        s.append(endpoint(e.attributes(), "source"));
        String dst = endpoint(e.attributes(), "destination");
        if (!dst.isEmpty()) {
            s.append(" -> ").append(dst);
        }
        String proto = e.attributes().get("protocol.transport");
        if (proto != null) {
            s.append(' ').append(proto);
        }
        if (e.line() != null) {
            e.line().lines().forEach(l -> s.append("\n    ").append(l));
        }
        return s.toString();
    }

    /** The human-readable part of machine-readable formats: who, what, evidence, what to do. */
    public static String summary(Report r, String attachedAs) {
        StringBuilder s = new StringBuilder();
        s.append("Incident report ").append(r.ticketId()).append(" (").append(r.tlp().label()).append(")\n\n");
        s.append(r.description()).append("\n\n");
        s.append("Incident type (ENISA RSIT): ").append(r.type().taxonomy() == null ? "" : r.type().taxonomy() + "/")
                .append(r.type().type()).append('\n');
        s.append("Involved: ").append(String.join(", ", r.resources().stream().map(Resource::text).toList())).append("\n\n");
        s.append("Evidence (").append(r.evidence().size()).append(", times in UTC with the logged time in brackets):\n");
        r.evidence().forEach(e -> s.append("  ").append(evidenceLine(e).replace("\n", "\n  ")).append('\n'));
        if (attachedAs != null) {
            s.append("\nThe same report is attached as ").append(attachedAs).append(".\n");
        }
        s.append("\nWhat we ask you to do:\n").append(r.requestedAction()).append("\n\n");
        s.append("Please keep ").append(r.ticketId()).append(" in the subject of your reply.\n\n");
        s.append("-- \n").append(signature(r));
        return s.toString();
    }

    /** Who wrote the report: name, team, address, phone, key fingerprint. */
    public static String signature(Report r) {
        var who = r.reporter();
        StringBuilder s = new StringBuilder();
        if (who.name() != null) {
            s.append(who.name()).append('\n');
        }
        if (who.team() != null) {
            s.append(who.team()).append('\n');
        }
        s.append(who.email()).append('\n');
        if (who.phone() != null) {
            s.append("Phone: ").append(who.phone()).append('\n');
        }
        if (who.pgpFingerprint() != null) {
            s.append("PGP: ").append(who.pgpFingerprint()).append('\n');
        }
        return s.toString();
    }
}
