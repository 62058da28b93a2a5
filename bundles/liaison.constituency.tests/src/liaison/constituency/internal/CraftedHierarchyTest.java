package liaison.constituency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.Asn;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.constituency.Claim;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.Mapping;
import liaison.constituency.RangeScope;

/** ripe-254 -c, RIPE's abuse-c rule and claim ranking on a hand-written hierarchy. */
class CraftedHierarchyTest {

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
            e-mail:         second@irt.example
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

            role:           Own Abuse
            address:        Somewhere else
            e-mail:         noc@own.example
            abuse-mailbox:  own@abuse.example
            nic-hdl:        AR2-TEST
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
            descr:          not a CIDR block
            country:        DE
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            abuse-c:        AR2-TEST
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

            inet6num:       2001:db8:1::/48
            netname:        V6-INNER
            country:        NL
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ASSIGNED
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-INNER
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
    Path tmp;

    ConstituencyIndex index;

    @BeforeEach
    void load() throws Exception {
        Path file = Files.writeString(tmp.resolve("world.db"), WORLD);
        ConstituencyComponent service = new ConstituencyComponent();
        service.load(tmp.resolve("index"), List.of(file), LoadOptions.STRICT, LoadProgress.NONE);
        index = service.open(tmp.resolve("index"));
    }

    @Test
    void moreSpecificIrtTakesOverInANonCidrRange() {
        Mapping m = index.map(IpAddress.parse("192.0.2.70"));
        assertEquals("192.0.2.64 - 192.0.2.99", m.inetnum().resource());
        assertEquals("IRT-INNER", m.irt());
        assertEquals("inner@irt.example", m.irtEmail(), "no abuse-mailbox: the irt's first e-mail");
        assertEquals("own@abuse.example", m.abuseMailbox(), "the range's own abuse-c wins");
        assertEquals("192.0.2.64 - 192.0.2.99", index.irtRange(IpAddress.parse("192.0.2.99")).orElseThrow().resource());
    }

    @Test
    void lessSpecificIrtAndOrganisationAbuseCAreInherited() {
        Mapping m = index.map(IpAddress.parse("192.0.2.100"));
        assertEquals("192.0.2.0 - 192.0.2.255", m.inetnum().resource(), "just past the non-CIDR range");
        assertEquals("IRT-OUTER", m.irt());
        assertEquals("abuse@outer.example", m.irtEmail(), "the irt's abuse-mailbox");
        assertEquals("abuse@org.example", m.abuseMailbox(), "no abuse-c, no org: the less specific range's org's abuse-c");
        assertEquals("192.0.0.0 - 192.0.255.255", index.irtRange(IpAddress.parse("192.0.2.1")).orElseThrow().resource(),
                "-c: the smallest less specific range with mnt-irt");
        assertEquals("192.0.0.0 - 192.0.255.255", index.smallest(IpAddress.parse("192.0.200.1")).orElseThrow().resource());
    }

    @Test
    void addressesOutsideEveryRangeHaveNoAnswer() {
        Mapping m = index.map(IpAddress.parse("10.0.0.1"));
        assertNull(m.inetnum());
        assertNull(m.irt());
        assertNull(m.abuseMailbox());
        assertTrue(m.claims().isEmpty());
        assertTrue(index.smallest(IpAddress.parse("192.1.0.0")).isEmpty());
        assertTrue(index.smallest(IpAddress.parse("191.255.255.255")).isEmpty());
    }

    @Test
    void ipv6PrefixesNest() {
        Mapping inner = index.map(IpAddress.parse("2001:db8:1::5"));
        assertEquals("2001:db8:1::/48", inner.inetnum().resource());
        assertEquals("IRT-INNER", inner.irt());
        assertEquals("abuse@org.example", inner.abuseMailbox());
        Mapping outer = index.map(IpAddress.parse("2001:db8:2::1"));
        assertEquals("2001:db8::/32", outer.inetnum().resource());
        assertEquals("IRT-OUTER", outer.irt());
        assertTrue(index.smallest(IpAddress.parse("2001:db9::1")).isEmpty());
    }

    @Test
    void autNumAbuseComesFromItsOrganisation() {
        assertEquals("abuse@org.example", index.abuseMailbox(new Asn(64500)).orElseThrow());
        assertTrue(index.abuseMailbox(new Asn(64501)).isEmpty());
        assertEquals("TEST-AS", index.objects("as64500").get(0).object().get("as-name").orElseThrow());
    }

    @Test
    void claimsAreRankedMostSpecificFirstAndExplainTheTakeover() {
        List<Claim> claims = index.claims(IpAddress.parse("192.0.2.70"));
        assertEquals(List.of("192.0.2.64 - 192.0.2.99", "192.0.2.0 - 192.0.2.255", "192.0.0.0 - 192.0.255.255"),
                claims.stream().map(Claim::resource).toList());
        assertEquals(List.of(0, 1, 2), claims.stream().map(Claim::level).toList());
        assertTrue(claims.get(0).note().contains("own mnt-irt IRT-INNER"), claims.get(0).note());
        assertTrue(claims.get(2).note().contains("IRT-OUTER is taken over by IRT-INNER"), claims.get(2).note());
        assertEquals("DE", claims.get(0).country());
        assertEquals("world.db", claims.get(0).dataset());
        assertEquals("TEST", claims.get(0).source());
    }

    @Test
    void whoisScopesSelectRanges() {
        IpRange middle = IpRange.parse("192.0.2.0 - 192.0.2.255");
        assertEquals(List.of("192.0.2.0 - 192.0.2.255"), keys(index.ranges(middle, RangeScope.EXACT)));
        assertEquals(List.of("192.0.0.0 - 192.0.255.255"), keys(index.ranges(middle, RangeScope.ONE_LESS)));
        assertEquals(List.of("192.0.0.0 - 192.0.255.255", "192.0.2.0 - 192.0.2.255"), keys(index.ranges(middle, RangeScope.ALL_LESS)));
        assertEquals(List.of("192.0.2.64 - 192.0.2.99"), keys(index.ranges(middle, RangeScope.ONE_MORE)));
        IpRange outer = IpRange.parse("192.0.0.0/16");
        assertEquals(List.of("192.0.2.0 - 192.0.2.255"), keys(index.ranges(outer, RangeScope.ONE_MORE)));
        assertEquals(List.of("192.0.2.0 - 192.0.2.255", "192.0.2.64 - 192.0.2.99"), keys(index.ranges(outer, RangeScope.ALL_MORE)));
        assertEquals(List.of("192.0.0.0 - 192.0.255.255"), keys(index.ranges(IpRange.parse("192.0.2.0/28"), RangeScope.IRT)));
        assertTrue(index.ranges(IpRange.parse("192.0.2.0/28"), RangeScope.EXACT).isEmpty());
        assertEquals("own@abuse.example", index.ranges(IpRange.parse("192.0.2.64 - 192.0.2.99"), RangeScope.EXACT).get(0).abuseMailbox());
    }

    @Test
    void reopeningReadsTheSameIndex() throws Exception {
        try (ConstituencyIndex again = new ConstituencyComponent().open(tmp.resolve("index"))) {
            assertEquals(index.datasets(), again.datasets());
            assertEquals("IRT-INNER", again.map(IpAddress.parse("192.0.2.64")).irt());
            assertFalse(again.refresh(), "nothing was loaded since");
        }
    }

    private static List<String> keys(List<liaison.constituency.IndexedObject> objects) {
        return objects.stream().map(o -> o.object().key()).toList();
    }
}
