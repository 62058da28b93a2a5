package liaison.constituency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import liaison.api.directory.TeamConstituencies;
import liaison.api.model.Asn;
import liaison.api.model.ChannelType;
import liaison.api.model.Constituency;
import liaison.api.model.ContactChannel;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Team;
import liaison.constituency.Claim;
import liaison.constituency.Claim.Kind;
import liaison.constituency.Claim.Layer;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;

/** Teams' constituencies from the directory next to registry objects: one address, several claimants. */
class TeamClaimsTest {

    @TempDir
    Path tmp;

    static TeamConstituencies directory() {
        Team a = Team.builder("ti:cert-a").shortName("CERT-A").channel(ContactChannel.of(ChannelType.EMAIL, "cert@a.example"))
                .constituency(new Constituency(List.of("ISP customers"), List.of(new Asn(64500)), List.of("*.example.org"),
                        List.of(IpRange.parse("192.0.2.0/24"), IpRange.parse("2001:db8:1::/48")), List.of("NL")))
                .build();
        Team b = Team.builder("ti:cert-b").shortName("CERT-B").channel(ContactChannel.of(ChannelType.EMAIL, "cert@b.example"))
                .constituency(new Constituency(List.of("national"), List.of(), List.of(), List.of(), List.of("DE"))).build();
        return new TeamConstituencies() {
            @Override
            public String id() {
                return "directory";
            }

            @Override
            public Instant asOf() {
                return Instant.parse("2026-01-02T03:04:05Z");
            }

            @Override
            public List<Team> teams() {
                return List.of(a, b);
            }
        };
    }

    private ConstituencyIndex load(ConstituencyService service) throws Exception {
        service.load(tmp, List.of(Files.writeString(tmp.resolve("world.db"), CraftedHierarchyTest.WORLD)), LoadOptions.STRICT,
                LoadProgress.NONE);
        service.loadTeams(tmp, directory(), LoadProgress.NONE);
        return service.open(tmp);
    }

    @Test
    void aTeamRegistryObjectsAndACountryClaimOneAddress() throws Exception {
        try (ConstituencyIndex index = load(new ConstituencyComponent())) {
            List<Claim> claims = index.claims(IpAddress.parse("192.0.2.70"));
            assertEquals(List.of("192.0.2.64 - 192.0.2.99", "192.0.2.0 - 192.0.2.255", "192.0.2.0/24", "192.0.0.0 - 192.0.255.255", "DE"),
                    claims.stream().map(Claim::resource).toList());
            Claim team = claims.get(2);
            assertEquals(Layer.DIRECTORY, team.layer());
            assertEquals("CERT-A", team.owner());
            assertEquals("cert@a.example", team.contact());
            assertTrue(team.note().contains("overlaps the registry's irt IRT-INNER"), team.note());
            Claim country = claims.get(4);
            assertEquals(Kind.COUNTRY, country.kind());
            assertEquals("CERT-B", country.owner(), "the most specific registry object places the address in DE");
            assertEquals("2026-01-02", String.valueOf(country.imported()));
        }
    }

    @Test
    void asnAndDomainSuffixClaims() throws Exception {
        try (ConstituencyIndex index = load(new ConstituencyComponent())) {
            List<Claim> asn = index.claims(new Asn(64500));
            assertEquals(List.of(Layer.REGISTRY, Layer.DIRECTORY), asn.stream().map(Claim::layer).toList());
            assertEquals("AS64500", asn.get(1).resource());
            List<Claim> domain = index.claims(DomainName.of("www.Example.org"));
            assertEquals(1, domain.size());
            assertEquals("example.org", domain.get(0).resource());
            assertEquals(1, domain.get(0).level(), "one label above the name");
            assertTrue(index.claims(DomainName.of("example.com")).isEmpty());
        }
    }

    @Test
    void theServiceOffersTheDirectoryWhenOneIsRegistered() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(TeamClaimsTest.class).getBundleContext();
        ServiceTracker<ConstituencyService, ConstituencyService> tracker = new ServiceTracker<>(bc, ConstituencyService.class, null);
        tracker.open();
        TeamConstituencies teams = directory();
        ServiceRegistration<TeamConstituencies> reg = bc.registerService(TeamConstituencies.class, teams, null);
        try {
            ConstituencyService service = tracker.waitForService(10_000);
            assertSame(teams, service.directory().orElseThrow());
            try (ConstituencyIndex index = load(service)) {
                assertEquals(2, index.datasets().size());
            }
        } finally {
            reg.unregister();
            tracker.close();
        }
    }
}
