package liaison.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;

import liaison.api.InputException;
import liaison.api.triage.Indicator;
import liaison.api.triage.Indicator.Kind;
import liaison.api.triage.Indicator.Role;
import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;

/**
 * CSV exports (from a SIEM, a firewall console, a spreadsheet) with a header line: columns named like
 * a source address ({@code src_ip}, {@code source.ip}, {@code ip}, ...) give the source, like a time
 * ({@code timestamp}, {@code time}, {@code date}) the time; every other cell is scanned for indicators.
 */
@Component(service = LogExtractor.class)
public class CsvExtractor implements LogExtractor {

    private static final Set<String> SOURCE = Set.of("src", "src_ip", "srcip", "source", "source_ip", "source.ip", "sourceip",
            "ip", "ip_address", "ipaddress", "client", "client_ip", "attacker", "attacker_ip", "remote_ip", "remote_addr");
    private static final Set<String> DESTINATION = Set.of("dst", "dst_ip", "dstip", "destination", "destination_ip",
            "destination.ip", "target", "target_ip", "dest_ip");
    private static final Set<String> TIME = Set.of("time", "timestamp", "date", "datetime", "time.source", "event_time", "@timestamp",
            "first_seen", "last_seen", "observed");

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public double recognises(List<String> firstLines) {
        if (firstLines.isEmpty()) {
            return 0;
        }
        List<String> header = cells(firstLines.get(0));
        boolean named = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).anyMatch(h -> SOURCE.contains(h) || TIME.contains(h));
        return named && header.size() > 1 ? 0.9 : 0;
    }

    @Override
    public void extract(String input, BufferedReader reader, ZoneId assumedZone, Consumer<Observation> observer)
            throws IOException, InputException {
        String first = reader.readLine();
        if (first == null) {
            return;
        }
        List<String> header = cells(first).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        long n = 1;
        for (String line; (line = reader.readLine()) != null;) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            List<String> row = cells(line);
            if (row.size() != header.size()) {
                throw new InputException(input, n, 0, "row has " + row.size() + " cells, the header " + header.size()
                        + " (quoted line breaks are not supported in logs)");
            }
            List<Indicator> indicators = new ArrayList<>();
            Times.Stamp stamp = null;
            StringBuilder others = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String name = header.get(i);
                String cell = row.get(i).strip();
                String ip = Indicators.address(cell);
                if (SOURCE.contains(name) && ip != null) {
                    indicators.add(0, new Indicator(Kind.IP, ip, Role.SOURCE));
                } else if (DESTINATION.contains(name) && ip != null) {
                    indicators.add(new Indicator(Kind.IP, ip, Role.DESTINATION));
                } else if (TIME.contains(name) && stamp == null) {
                    stamp = Times.iso(cell, assumedZone);
                } else {
                    others.append(cell).append(' ');
                }
            }
            for (Indicator i : Indicators.scan(others.toString(), Role.UNKNOWN)) {
                if (indicators.stream().noneMatch(x -> x.kind() == i.kind() && x.value().equals(i.value()))) {
                    indicators.add(i);
                }
            }
            observer.accept(new Observation(input, n, line, stamp == null ? null : stamp.time(), stamp != null && stamp.zoneKnown(),
                    id(), indicators));
        }
    }

    /** One CSV line (RFC 4180 quoting within the line). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == ';' && line.indexOf(',') < 0) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
