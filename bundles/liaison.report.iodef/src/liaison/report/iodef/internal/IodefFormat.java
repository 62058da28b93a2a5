package liaison.report.iodef.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.osgi.service.component.annotations.Component;

import liaison.api.LiaisonException;
import liaison.api.report.Evidence;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.api.report.Reporter;
import liaison.report.ReportTexts;

/**
 * IODEF v2 (RFC 7970) in an {@code application/xml} part: our team as the {@code irt} contact, the
 * recipients as {@code abuse} contacts, the requested action as an {@code Expectation}, and per event
 * an {@code EventData} with its time, flow and the log line as a {@code RecordItem}.
 */
@Component(service = ReportFormat.class)
public class IodefFormat implements ReportFormat {

    static final String NS = "urn:ietf:params:xml:ns:iodef-2.0";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @Override
    public String id() {
        return "iodef";
    }

    @Override
    public String displayName() {
        return "IODEF v2 (XML)";
    }

    @Override
    public RenderedReport render(Report report) throws LiaisonException {
        byte[] xml;
        try {
            xml = document(report);
        } catch (XMLStreamException e) {
            throw new LiaisonException("cannot write IODEF for report " + report.ticketId() + ": " + e.getMessage(), e);
        }
        return new RenderedReport("[" + report.ticketId() + "] " + report.type().type() + " from your network (IODEF)", "multipart/mixed",
                List.of(new RenderedReport.Part("text/plain; charset=UTF-8", null,
                        ReportTexts.summary(report, "an IODEF v2 document").getBytes(StandardCharsets.UTF_8)),
                        new RenderedReport.Part("application/xml; charset=UTF-8", report.ticketId() + ".iodef.xml", xml)));
    }

    byte[] document(Report r) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.setDefaultNamespace(NS);
        w.writeStartElement(NS, "IODEF-Document");
        w.writeDefaultNamespace(NS);
        w.writeAttribute("version", "2.00");
        w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
        w.writeStartElement(NS, "Incident");
        w.writeAttribute("purpose", "reporting");
        w.writeAttribute("restriction", restriction(r));
        Reporter who = r.reporter();
        text(w, "IncidentID", r.ticketId(), "name", who.email().substring(who.email().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        text(w, "ReportTime", time(r.created().atOffset(java.time.ZoneOffset.UTC)));
        text(w, "GenerationTime", time(r.created().atOffset(java.time.ZoneOffset.UTC)));
        text(w, "Description", r.description());
        w.writeStartElement(NS, "Assessment");
        w.writeAttribute("occurrence", "actual");
        text(w, "IncidentCategory", (r.type().taxonomy() == null ? "" : r.type().taxonomy() + "/") + r.type().type());
        w.writeStartElement(NS, "SystemImpact");
        w.writeAttribute("type", "unknown");
        text(w, "Description", r.description());
        w.writeEndElement();
        w.writeEndElement();
        contact(w, "irt", who.team() != null ? who.team() : who.name(), who.email(), who.phone());
        for (String recipient : r.recipients()) {
            // IODEF names contacts by e-mail; a webhook URL is how we deliver, not who the contact is.
            if (!recipient.contains("://")) {
                contact(w, "abuse", null, recipient, null);
            }
        }
        w.writeStartElement(NS, "EventData");
        w.writeStartElement(NS, "Expectation");
        w.writeAttribute("action", "investigate");
        text(w, "Description", r.requestedAction());
        w.writeEndElement();
        for (Evidence e : r.evidence()) {
            event(w, e);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toByteArray();
    }

    private static void event(XMLStreamWriter w, Evidence e) throws XMLStreamException {
        Map<String, String> a = e.attributes();
        w.writeStartElement(NS, "EventData");
        if (e.observed() != null) {
            text(w, "DetectTime", time(e.observed()));
        }
        if (a.get("source.ip") != null || a.get("destination.ip") != null) {
            w.writeStartElement(NS, "Flow");
            system(w, "source", a, "source");
            system(w, "target", a, "destination");
            w.writeEndElement();
        }
        if (e.line() != null) {
            w.writeStartElement(NS, "Record");
            w.writeStartElement(NS, "RecordData");
            if (e.observed() != null) {
                text(w, "DateTime", time(e.observed()));
            }
            if (!e.zoneKnown()) {
                text(w, "Description", "the log gave no time zone; the time was read as UTC");
            }
            text(w, "RecordItem", e.line(), "dtype", "string");
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void system(XMLStreamWriter w, String category, Map<String, String> a, String side) throws XMLStreamException {
        String ip = a.get(side + ".ip");
        if (ip == null) {
            return;
        }
        w.writeStartElement(NS, "System");
        w.writeAttribute("category", category);
        w.writeStartElement(NS, "Node");
        text(w, "Address", ip, "category", ip.indexOf(':') >= 0 ? "ipv6-addr" : "ipv4-addr");
        w.writeEndElement();
        String port = a.get(side + ".port");
        Integer protocol = protocolNumber(a.get("protocol.transport"));
        if (port != null && port.matches("\\d{1,5}") || protocol != null) {
            w.writeStartElement(NS, "Service");
            if (protocol != null) {
                w.writeAttribute("ip-protocol", protocol.toString());
            }
            if (port != null && port.matches("\\d{1,5}")) {
                text(w, "Port", port);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void contact(XMLStreamWriter w, String role, String name, String email, String phone) throws XMLStreamException {
        w.writeStartElement(NS, "Contact");
        w.writeAttribute("role", role);
        w.writeAttribute("type", "organization");
        if (name != null) {
            text(w, "ContactName", name);
        }
        w.writeStartElement(NS, "Email");
        text(w, "EmailTo", email);
        w.writeEndElement();
        if (phone != null) {
            w.writeStartElement(NS, "Telephone");
            text(w, "TelephoneNumber", phone);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value, String... attributes) throws XMLStreamException {
        w.writeStartElement(NS, element);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            w.writeAttribute(attributes[i], attributes[i + 1]);
        }
        w.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?"));
        w.writeEndElement();
    }

    private static String time(java.time.OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String restriction(Report r) {
        return switch (r.tlp()) {
            case CLEAR -> "white";
            case GREEN -> "green";
            case AMBER, AMBER_STRICT -> "amber";
            case RED -> "red";
        };
    }

    private static Integer protocolNumber(String transport) {
        if (transport == null) {
            return null;
        }
        return switch (transport.strip().toLowerCase(Locale.ROOT)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "sctp" -> 132;
            default -> null;
        };
    }
}
