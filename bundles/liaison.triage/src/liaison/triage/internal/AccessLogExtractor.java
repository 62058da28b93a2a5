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
 * Apache and nginx access logs (common and combined formats): the client address is the source;
 * URLs and names in the request and referrer are reported without a role.
 */
@Component(service = LogExtractor.class)
public class AccessLogExtractor extends LineExtractor {

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"([^\"]*)\" (\\d{3}|-) (\\d+|-)(?: \"([^\"]*)\" \"([^\"]*)\")?.*$");

    @Override
    public String id() {
        return "apache";
    }

    @Override
    Pattern shape() {
        return LINE;
    }

    @Override
    Observation parse(String input, long lineNumber, String line, ZoneId assumedZone) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        List<Indicator> indicators = new ArrayList<>();
        String client = Indicators.address(m.group(1));
        if (client != null) {
            indicators.add(new Indicator(Kind.IP, client, Role.SOURCE));
        }
        String rest = m.group(3) + " " + (m.group(6) == null ? "" : m.group(6));
        for (Indicator i : Indicators.scan(rest, Role.UNKNOWN)) {
            if (!(i.kind() == Kind.IP && i.value().equals(client))) {
                indicators.add(i);
            }
        }
        Times.Stamp stamp = Times.apache(m.group(2));
        return new Observation(input, lineNumber, line, stamp == null ? null : stamp.time(), stamp != null, id(), indicators);
    }
}
