package liaison.triage.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import liaison.api.triage.Indicator;
import liaison.api.triage.Indicator.Role;
import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;

/**
 * syslog and auth.log (RFC 3164 and RFC 5424 time stamps): sshd, Postfix, Dovecot and other daemons.
 * The address after "from" / "rhost=" / "client=" is the source; other addresses are reported
 * without a role.
 */
@Component(service = LogExtractor.class)
public class SyslogExtractor extends LineExtractor {

    private static final Pattern BSD = Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}) (\\S+) (.*)$");
    private static final Pattern ISO = Pattern.compile("^(?:<\\d+>\\d? ?)?(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?) (\\S+) (.*)$");
    private static final Pattern DESTINATION = Pattern.compile("\\bDST=([0-9A-Fa-f.:]{3,45})");
    private static final Pattern SOURCE = Pattern.compile("(?:\\bfrom|\\brhost=|\\bclient=|\\bremote=|\\bsrc=|\\bby)\\s*\\[?([0-9A-Fa-f.:]{3,45})\\]?",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "syslog";
    }

    @Override
    Pattern shape() {
        return Pattern.compile(BSD.pattern() + "|" + ISO.pattern());
    }

    @Override
    Observation parse(String input, long lineNumber, String line, ZoneId assumedZone) {
        Matcher m = BSD.matcher(line);
        Times.Stamp stamp;
        String message;
        if (m.matches()) {
            stamp = Times.syslog(m.group(1), assumedZone);
            message = m.group(3);
        } else if ((m = ISO.matcher(line)).matches()) {
            stamp = Times.iso(m.group(1), assumedZone);
            message = m.group(3);
        } else {
            return null;
        }
        return new Observation(input, lineNumber, line, stamp == null ? null : stamp.time(), stamp != null && stamp.zoneKnown(),
                id(), withSources(message));
    }

    /** Indicators of a message, the addresses introduced as a client's marked as the source. */
    static List<Indicator> withSources(String message) {
        List<String> sources = addresses(SOURCE, message);
        List<String> destinations = addresses(DESTINATION, message);
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : Indicators.scan(message, Role.UNKNOWN)) {
            boolean ip = i.kind() == Indicator.Kind.IP;
            Role role = ip && sources.contains(i.value()) ? Role.SOURCE
                    : ip && destinations.contains(i.value()) ? Role.DESTINATION : Role.UNKNOWN;
            out.add(new Indicator(i.kind(), i.value(), role));
        }
        out.sort((a, b) -> Boolean.compare(b.role() == Role.SOURCE, a.role() == Role.SOURCE));
        return out;
    }

    private static List<String> addresses(Pattern marker, String message) {
        List<String> out = new ArrayList<>();
        Matcher m = marker.matcher(message);
        while (m.find()) {
            String ip = Indicators.address(m.group(1));
            if (ip != null) {
                out.add(ip);
            }
        }
        return out;
    }
}
