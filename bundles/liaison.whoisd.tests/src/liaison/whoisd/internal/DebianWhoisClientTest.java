package liaison.whoisd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.whoisd.WhoisServerConfig;
import liaison.whoisd.WhoisServerService;
import liaison.whoisd.WhoisServerService.RunningServer;

/** The server as Debian's whois client (a real process) sees it, and its limits over raw sockets. */
class DebianWhoisClientTest {

    static final String WORLD = """
            irt:            IRT-OUTER
            address:        Outer Street 1
            e-mail:         outer@irt.example
            abuse-mailbox:  abuse@outer.example
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            auth:           PGPKEY-00000001
            mnt-by:         TEST-MNT
            source:         TEST

            irt:            IRT-INNER
            address:        Inner Street 2
            e-mail:         inner@irt.example
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            auth:           PGPKEY-00000002
            mnt-by:         TEST-MNT
            source:         TEST

            role:           Org Abuse
            address:        Somewhere
            e-mail:         noc@org.example
            abuse-mailbox:  abuse@org.example
            nic-hdl:        AR1-TEST
            mnt-by:         TEST-MNT
            source:         TEST

            organisation:   ORG-A-TEST
            org-name:       Organisation A
            org-type:       LIR
            address:        Main Street
            e-mail:         info@org.example
            abuse-c:        AR1-TEST
            mnt-by:         TEST-MNT
            source:         TEST

            inetnum:        192.0.0.0 - 192.0.255.255
            netname:        OUTER-NET
            country:        NL
            org:            ORG-A-TEST
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ALLOCATED PA
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-OUTER
            source:         TEST

            inetnum:        192.0.2.0 - 192.0.2.255
            netname:        MIDDLE-NET
            country:        NL
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ASSIGNED PA
            mnt-by:         TEST-MNT
            source:         TEST

            inetnum:        192.0.2.64 - 192.0.2.99
            netname:        INNER-NET
            country:        DE
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ASSIGNED PA
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-INNER
            source:         TEST

            inet6num:       2001:db8::/32
            netname:        V6-OUTER
            country:        NL
            org:            ORG-A-TEST
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ALLOCATED-BY-RIR
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-OUTER
            source:         TEST

            aut-num:        AS64500
            as-name:        TEST-AS
            org:            ORG-A-TEST
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            mnt-by:         TEST-MNT
            source:         TEST
            """;

    @TempDir
    static Path tmp;

    static ConstituencyService constituency;
    static WhoisServerService whois;
    static ConstituencyIndex index;
    static RunningServer server;

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext bc = FrameworkUtil.getBundle(DebianWhoisClientTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bc, type, null);
        tracker.open();
        return tracker.waitForService(10_000);
    }

    @BeforeAll
    static void start() throws Exception {
        constituency = service(ConstituencyService.class);
        whois = service(WhoisServerService.class);
        constituency.load(tmp.resolve("index"), List.of(Files.writeString(tmp.resolve("world.db"), WORLD)), LoadOptions.STRICT,
                LoadProgress.NONE);
        index = constituency.open(tmp.resolve("index"));
        server = whois.start(index, WhoisServerConfig.loopback(0));
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
    }

    /** Runs /usr/bin/whois against the server. */
    static String whois(String query) throws Exception {
        Process p = new ProcessBuilder("whois", "-h", "127.0.0.1", "-p", String.valueOf(server.port()), "--", query)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.replace("\r\n", "\n");
    }

    @Test
    void minusCFindsTheMoreSpecificIrtAndShowsReferencedObjects() throws Exception {
        String out = whois("-c 192.0.2.70");
        assertTrue(out.contains("% Information related to '192.0.2.64 - 192.0.2.99'"), out);
        assertTrue(out.contains("\ninetnum:        192.0.2.64 - 192.0.2.99\n"), out);
        assertTrue(out.contains("% Abuse contact for '192.0.2.64 - 192.0.2.99' is 'abuse@org.example'"), out);
        assertTrue(out.contains("\nirt:            IRT-INNER\n"), out);
        assertTrue(out.contains("\nrole:           Org Abuse\n"), out);
        assertFalse(out.contains("e-mail:"), "e-mail is filtered without -B: " + out);
        assertTrue(out.contains("% Note: this output has been filtered."), out);
        assertTrue(out.contains("auth:           PGPKEY-00000002 # Filtered"), out);
        assertFalse(out.contains("IRT-OUTER"), out);
    }

    @Test
    void minusCInheritsTheLessSpecificIrt() throws Exception {
        String out = whois("-r -c 192.0.2.10");
        assertTrue(out.contains("\ninetnum:        192.0.0.0 - 192.0.255.255\n"), out);
        assertFalse(out.contains("\nirt:"), "-r: no referenced objects: " + out);
        assertFalse(out.contains("192.0.2.0 - 192.0.2.255"), out);
    }

    @Test
    void plainLookupBriefAndUnfiltered() throws Exception {
        String plain = whois("192.0.2.10");
        assertTrue(plain.contains("\ninetnum:        192.0.2.0 - 192.0.2.255\n"), plain);
        assertTrue(plain.contains("% Abuse contact for '192.0.2.0 - 192.0.2.255' is 'abuse@org.example'"), plain);
        String brief = whois("-b 192.0.2.10");
        assertTrue(brief.contains("\ninetnum:        192.0.2.0 - 192.0.2.255\nabuse-mailbox:  abuse@org.example\n"), brief);
        assertFalse(brief.contains("netname:"), brief);
        String unfiltered = whois("-B 192.0.2.10");
        assertTrue(unfiltered.contains("e-mail:         noc@org.example"), unfiltered);
        assertFalse(unfiltered.contains("# Filtered"), unfiltered);
    }

    @Test
    void hierarchyFlags() throws Exception {
        String all = whois("-r -L 192.0.2.70");
        List<String> keys = inetnums(all);
        assertEquals(List.of("192.0.0.0 - 192.0.255.255", "192.0.2.0 - 192.0.2.255", "192.0.2.64 - 192.0.2.99"), keys);
        assertEquals(List.of("192.0.2.0 - 192.0.2.255"), inetnums(whois("-r -l 192.0.2.64 - 192.0.2.99")));
        assertEquals(List.of("192.0.2.0 - 192.0.2.255"), inetnums(whois("-r -m 192.0.0.0/16")));
        assertEquals(List.of("192.0.2.0 - 192.0.2.255", "192.0.2.64 - 192.0.2.99"), inetnums(whois("-r -M 192.0.0.0/16")));
        assertTrue(whois("-x 192.0.2.0/28").contains("%ERROR:101: no entries found"));
        assertEquals(List.of("192.0.2.0 - 192.0.2.255"), inetnums(whois("-r -x 192.0.2.0/24")));
    }

    private static List<String> inetnums(String out) {
        List<String> keys = new ArrayList<>();
        out.lines().filter(l -> l.startsWith("inetnum:")).forEach(l -> keys.add(l.substring(8).strip()));
        return keys;
    }

    @Test
    void typesPrimaryKeysIpv6AndInfo() throws Exception {
        assertTrue(whois("-T irt IRT-OUTER").contains("\nirt:            IRT-OUTER\n"));
        assertTrue(whois("-T role IRT-OUTER").contains("%ERROR:101"));
        String keysOnly = whois("-K AS64500");
        assertTrue(keysOnly.contains("\naut-num:        AS64500\n"), keysOnly);
        assertFalse(keysOnly.contains("as-name"), keysOnly);
        assertTrue(whois("AS64500").contains("% Abuse contact for 'AS64500' is 'abuse@org.example'"));
        String v6 = whois("-c 2001:db8:5::1");
        assertTrue(v6.contains("\ninet6num:       2001:db8::/32\n"), v6);
        assertTrue(whois("-q version").contains("% " + Responder.VERSION));
        assertTrue(whois("-q sources").contains("\nTEST:3:N:0-0\n"));
        assertTrue(whois("-q types").contains("\ninetnum\n"));
        assertTrue(whois("-Z 192.0.2.1").contains("%ERROR:111: invalid option supplied: -Z"));
        assertTrue(whois("-x -c 192.0.2.1").contains("%ERROR:109"));
    }

    @Test
    void aNewLoadIsServedWithoutRestart() throws Exception {
        Path more = Files.writeString(tmp.resolve("more.db"), """
                inetnum:        198.51.100.0 - 198.51.100.255
                netname:        MORE-NET
                country:        NL
                admin-c:        AR1-TEST
                tech-c:         AR1-TEST
                status:         ASSIGNED PA
                mnt-by:         TEST-MNT
                source:         TEST
                """);
        assertTrue(whois("198.51.100.1").contains("%ERROR:101"));
        constituency.load(tmp.resolve("index"), List.of(more), LoadOptions.STRICT, LoadProgress.NONE);
        assertTrue(whois("198.51.100.1").contains("netname:        MORE-NET"));
    }

    @Test
    void connectionAndQueryLimitsPerClient() throws Exception {
        WhoisServerConfig tight = new WhoisServerConfig("127.0.0.1", 0, 10, 2, 3, Duration.ofSeconds(2));
        try (RunningServer limited = whois.start(index, tight)) {
            try (Socket a = new Socket("127.0.0.1", limited.port()); Socket b = new Socket("127.0.0.1", limited.port());
                    Socket c = new Socket("127.0.0.1", limited.port())) {
                String third = read(c);
                assertTrue(third.contains("%ERROR:208"), third);
                assertEquals("", read(a), "an idle connection is closed after the idle timeout, unanswered");
            }
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try (Socket s = new Socket("127.0.0.1", limited.port())) {
                    s.getOutputStream().write("-r 192.0.2.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    answers.add(read(s));
                }
            }
            assertTrue(answers.get(2).contains("inetnum:"), answers.get(2));
            assertTrue(answers.get(3).contains("%ERROR:201: access denied for 127.0.0.1"), answers.get(3));
        }
    }

    @Test
    void persistentConnectionAnswersSeveralQueries() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("-k\r\n-r 192.0.2.70\r\n-r AS64500\r\n-k\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = read(s);
            assertTrue(all.contains("inetnum:        192.0.2.64 - 192.0.2.99"), all);
            assertTrue(all.contains("aut-num:        AS64500"), all);
        }
    }

    private static String read(Socket s) throws IOException {
        s.setSoTimeout(20_000);
        InputStream in = s.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
