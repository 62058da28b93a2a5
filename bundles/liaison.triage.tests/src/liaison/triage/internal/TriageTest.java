package liaison.triage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import liaison.api.InputException;
import liaison.api.triage.Indicator.Kind;
import liaison.api.triage.Indicator.Role;
import liaison.api.triage.LogExtractor;
import liaison.api.triage.Observation;
import liaison.triage.Finding;
import liaison.triage.Triage;

/** Triage through the DS service with every built-in log format registered. */
class TriageTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    static Triage triage() throws InterruptedException {
        ServiceTracker<Triage, Triage> t = new ServiceTracker<>(FrameworkUtil.getBundle(TriageTest.class).getBundleContext(), Triage.class, null);
        t.open();
        Triage service = t.waitForService(10_000);
        assertNotNull(service, "the triage service and its extractors are wired by DS");
        return service;
    }

    Path log(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static Finding finding(Triage.Result r, Kind kind, String value) {
        return r.findings().stream().filter(f -> f.indicator().kind() == kind && f.indicator().value().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + value + " in " + r.findings()));
    }

    Triage.Result analyse(Path... logs) throws Exception {
        return triage().analyse(List.of(logs), null, BERLIN, (p, d, t) -> { });
    }

    @Test
    void authLogSourcesWithAssumedZone() throws Exception {
        Triage.Result r = analyse(log("auth.log", """
                Nov 20 10:15:30 web1 sshd[1234]: Failed password for root from 198.51.100.23 port 51234 ssh2
                Nov 20 10:15:33 web1 sshd[1234]: Failed password for invalid user admin from 198.51.100.23 port 51240 ssh2
                Nov 20 10:16:01 web1 sshd[1240]: Invalid user oracle from 2001:DB8:BEEF:0::7 port 40022
                Nov 20 10:17:00 web1 CRON[999]: (root) CMD (run-parts /etc/cron.hourly)
                """));
        assertEquals(List.of(dir.resolve("auth.log") + "=syslog"), r.formats());
        Finding ssh = finding(r, Kind.IP, "198.51.100.23");
        assertEquals(Role.SOURCE, ssh.indicator().role());
        assertEquals(2, ssh.count());
        assertFalse(ssh.zoneKnown(), "syslog has no zone: the assumed one is flagged");
        assertEquals(10, ssh.firstSeen().getHour());
        assertEquals(BERLIN.getRules().getOffset(ssh.firstSeen().toLocalDateTime()), ssh.firstSeen().getOffset());
        assertEquals(Role.SOURCE, finding(r, Kind.IP, "2001:db8:beef::7").indicator().role(), "IPv6 in RFC 5952 form");
        assertTrue(r.findings().stream().noneMatch(f -> f.indicator().value().contains("cron")), "file names are not domains");
        assertEquals(4, r.lines());
    }

    @Test
    void accessLogKeepsItsOffset() throws Exception {
        Triage.Result r = analyse(log("access.log",
                "203.0.113.9 - - [20/Nov/2026:10:20:00 -0700] \"GET /wp-login.php?redirect=http://evil.example.net/x HTTP/1.1\" 404 153 "
                        + "\"http://spam.example.org/\" \"Mozilla/5.0\"\n"));
        Finding client = finding(r, Kind.IP, "203.0.113.9");
        assertEquals(Role.SOURCE, client.indicator().role());
        assertTrue(client.zoneKnown());
        assertEquals(OffsetDateTime.parse("2026-11-20T10:20:00-07:00"), client.firstSeen());
        finding(r, Kind.URL, "http://evil.example.net/x");
        finding(r, Kind.DOMAIN, "spam.example.org");
    }

    @Test
    void fail2banFirewallCsvAndIntelMq() throws Exception {
        Triage.Result r = analyse(
                log("fail2ban.log", "2026-11-20 10:30:00,123 fail2ban.actions        [812]: NOTICE  [sshd] Ban 192.0.2.200\n"
                        + "2026-11-20 10:30:05,001 fail2ban.filter         [812]: INFO    [sshd] Found 192.0.2.201 - 2026-11-20 10:30:05\n"),
                log("ufw.log", "Nov 20 10:40:00 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:11 SRC=198.51.100.77 "
                        + "DST=192.0.2.1 LEN=40 PROTO=TCP SPT=4444 DPT=23\n"),
                log("export.csv", "timestamp,src_ip,dst_ip,signature\n2026-11-20T10:50:00Z,203.0.113.50,192.0.2.2,\"ET SCAN, ssh\"\n"),
                log("events.jsonl", "{\"time.source\":\"2026-11-20T11:00:00+00:00\",\"source.ip\":\"198.51.100.99\","
                        + "\"source.fqdn\":\"Bad.Example.COM\",\"classification.type\":\"brute-force\"}\n"));
        assertEquals(List.of("fail2ban", "iptables", "csv", "intelmq"),
                r.formats().stream().map(f -> f.substring(f.indexOf('=') + 1)).toList());
        assertEquals(Role.SOURCE, finding(r, Kind.IP, "192.0.2.200").indicator().role());
        assertEquals(Role.SOURCE, finding(r, Kind.IP, "198.51.100.77").indicator().role());
        assertEquals(Role.DESTINATION, finding(r, Kind.IP, "192.0.2.1").indicator().role());
        Finding csv = finding(r, Kind.IP, "203.0.113.50");
        assertEquals(Role.SOURCE, csv.indicator().role());
        assertTrue(csv.zoneKnown());
        assertEquals(Role.SOURCE, finding(r, Kind.DOMAIN, "bad.example.com").indicator().role());
        assertEquals(OffsetDateTime.parse("2026-11-20T11:00:00Z"), finding(r, Kind.IP, "198.51.100.99").firstSeen());
        assertEquals(Role.SOURCE, r.findings().get(0).indicator().role(), "sources come first");
    }

    @Test
    void dedupesAcrossLogsAndReadsGzip() throws Exception {
        Path gz = dir.resolve("old.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("Nov 19 08:00:00 web1 sshd[1]: Failed password for root from 198.51.100.23 port 1 ssh2\n".getBytes(StandardCharsets.UTF_8));
        }
        Triage.Result r = analyse(gz, log("auth.log", "Nov 20 08:00:00 web1 sshd[1]: Failed password for root from 198.51.100.23 port 2 ssh2\n"));
        Finding f = finding(r, Kind.IP, "198.51.100.23");
        assertEquals(2, f.count());
        assertEquals(19, f.firstSeen().getDayOfMonth());
        assertEquals(20, f.lastSeen().getDayOfMonth());
        assertEquals(2, f.evidence().size());
    }

    @Test
    void badInputIsNamedWithItsLine() throws Exception {
        InputException unknown = assertThrows(InputException.class, () -> analyse(log("mystery.bin", "\u0001\u0002 nothing here\n")));
        assertTrue(unknown.getMessage().contains("mystery.bin") && unknown.getMessage().contains("unknown log format"), unknown.getMessage());
        InputException json = assertThrows(InputException.class, () -> analyse(log("events.jsonl",
                "{\"source.ip\":\"192.0.2.1\",\"classification.type\":\"scanner\"}\n{\"source.ip\": broken\n")));
        assertEquals(2, json.line());
        assertTrue(json.getMessage().startsWith(dir.resolve("events.jsonl") + ":2:"), json.getMessage());
    }

    /** A team's log format with a bug in both its methods, as a DS-registered service would have. */
    static final class BuggyExtractor implements LogExtractor {
        @Override
        public String id() {
            return "buggy";
        }

        @Override
        public double recognises(List<String> firstLines) {
            throw new IllegalStateException("recognises is broken");
        }

        @Override
        public void extract(String input, BufferedReader reader, ZoneId assumedZone, Consumer<Observation> observer) throws IOException {
            reader.readLine();
            reader.readLine();
            throw new NoClassDefFoundError("org/example/Missing");
        }
    }

    @Test
    void aBrokenExtractorIsContainedAndNamedWithItsBundle() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(TriageTest.class).getBundleContext();
        ServiceRegistration<LogExtractor> reg = bc.registerService(LogExtractor.class, new BuggyExtractor(),
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100)));
        try {
            Path auth = log("auth.log", "Nov 20 10:15:30 web1 sshd[1234]: Failed password for root from 198.51.100.23 port 51234 ssh2\n"
                    + "Nov 20 10:15:31 web1 sshd[1234]: Failed password for root from 198.51.100.23 port 51235 ssh2\n");
            Triage.Result r = analyse(auth);
            assertEquals(List.of(auth + "=syslog"), r.formats(), "the others still recognise the log: " + r.formats());

            InputException e = assertThrows(InputException.class, () -> triage().analyse(List.of(auth), "buggy", BERLIN, (p, d, t) -> { }));
            assertTrue(e.getMessage().startsWith(auth + ":2: log format 'buggy' failed in bundle liaison.triage "), e.getMessage());
            assertTrue(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        } finally {
            reg.unregister();
        }
    }

    @Test
    void indicatorScannerRejectsLookalikes() {
        var found = Indicators.scan("see 999.1.1.1 and 1.2.3.4.5 and index.html, mail abuse@Example.NET; time 10:15:30 at 192.0.2.1.",
                Role.UNKNOWN);
        List<String> values = found.stream().map(i -> i.kind().id() + ":" + i.value()).toList();
        assertEquals(List.of("email:abuse@example.net", "domain:example.net", "ip:192.0.2.1"), values);
    }
}
