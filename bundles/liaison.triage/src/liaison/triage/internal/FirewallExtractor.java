package liaison.triage.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import liaison.api.triage.Indicator;
import liaison.api.triage.Indicator.Kind;
import liaison.api.triage.Indicator.Role;
import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;

/**
 * Netfilter kernel log lines as iptables LOG targets and ufw write them ("[UFW BLOCK] IN=eth0 ...
 * SRC=198.51.100.7 DST=192.0.2.1 ... PROTO=TCP SPT=51234 DPT=22"): SRC is the source, DST the
 * destination. Read inside syslog or journal lines.
 */
@Component(service = LogExtractor.class, property = "service.ranking:Integer=10")
public class FirewallExtractor extends LineExtractor {

    private static final Pattern FIELDS = Pattern.compile("\\bSRC=(\\S+) DST=(\\S+)");
    private static final Pattern BSD_TIME = Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}) ");
    private static final Pattern ISO_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?) ");

    @Override
    public String id() {
        return "iptables";
    }

    @Override
    Pattern shape() {
        return FIELDS;
    }

    @Override
    Observation parse(String input, long lineNumber, String line, ZoneId assumedZone) {
        Matcher m = FIELDS.matcher(line);
        if (!m.find()) {
            return null;
        }
        List<Indicator> indicators = new ArrayList<>();
        String src = Indicators.address(m.group(1));
        String dst = Indicators.address(m.group(2));
        if (src != null) {
            indicators.add(new Indicator(Kind.IP, src, Role.SOURCE));
        }
        if (dst != null) {
            indicators.add(new Indicator(Kind.IP, dst, Role.DESTINATION));
        }
        Times.Stamp stamp = null;
        Matcher t = BSD_TIME.matcher(line);
        if (t.find()) {
            stamp = Times.syslog(t.group(1), assumedZone);
        } else if ((t = ISO_TIME.matcher(line)).find()) {
            stamp = Times.iso(t.group(1), assumedZone);
        }
        return new Observation(input, lineNumber, line, stamp == null ? null : stamp.time(), stamp != null && stamp.zoneKnown(),
                id(), indicators);
    }
}
