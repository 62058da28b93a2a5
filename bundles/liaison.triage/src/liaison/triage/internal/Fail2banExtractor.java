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

/** fail2ban.log: "Ban", "Found" and "Unban" lines; the banned address is the source. No time zone in this format. */
@Component(service = LogExtractor.class)
public class Fail2banExtractor extends LineExtractor {

    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:,\\d{3})?) fail2ban\\.\\S+\\s+\\[\\d+\\]:\\s+\\w+\\s+\\[([^\\]]+)\\]\\s+(Ban|Found|Unban|Restore Ban|Already banned)\\s+(\\S+)(.*)$");

    @Override
    public String id() {
        return "fail2ban";
    }

    @Override
    Pattern shape() {
        return Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:,\\d{3})? fail2ban\\.");
    }

    @Override
    Observation parse(String input, long lineNumber, String line, ZoneId assumedZone) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String ip = Indicators.address(m.group(4));
        if (ip == null) {
            return null;
        }
        List<Indicator> indicators = new ArrayList<>();
        indicators.add(new Indicator(Kind.IP, ip, Role.SOURCE));
        Times.Stamp stamp = Times.iso(m.group(1), assumedZone);
        return new Observation(input, lineNumber, line, stamp == null ? null : stamp.time(), stamp != null && stamp.zoneKnown(),
                id(), indicators);
    }
}
