package liaison.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.api.directory.SourceSnapshot;
import liaison.api.directory.TeamConstituencies;
import liaison.api.model.CandidateFlag;
import liaison.api.model.ChannelType;
import liaison.api.model.ContactCandidate;
import liaison.api.model.ContactChannel;
import liaison.api.model.Resource;
import liaison.api.model.Role;
import liaison.api.model.Team;
import liaison.api.resolve.ResolutionContext;
import liaison.api.resolve.ResolverStep;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.DirectoryTeam.Status;
import liaison.directory.Field;
import liaison.directory.MatchCandidate;
import liaison.directory.Origin;
import liaison.directory.Revision;
import liaison.directory.SyncResult;
import liaison.directory.TeamChange;
import liaison.directory.TeamFilter;

/** The directory service as DS wires it, on a real Derby workspace, fed with the corpus samples. */
class DirectoryServiceTest {

    @TempDir
    Path tmp;

    private TestDirectory dir;
    private DirectoryService directory;

    @BeforeEach
    void open() throws Exception {
        dir = new TestDirectory(tmp.resolve("ws"));
        directory = dir.service;
    }

    @AfterEach
    void close() {
        dir.close();
    }

    private SyncResult importFile(String source, Path file) throws Exception {
        return directory.importFrom(source, file.toString(), false, ProgressListener.NONE);
    }

    @Test
    void tiSampleImportsWithEveryField() throws Exception {
        SyncResult r = importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        assertEquals(4, r.added(), r.summary());
        assertEquals(List.of("ACN IBE CSIRT", "ACOnet-CERT", "AEC", "CERT.at"),
                directory.list(TeamFilter.ACTIVE).stream().map(DirectoryTeam::shortName).toList());

        DirectoryTeam aco = directory.team("aconet-cert");
        Team t = aco.team();
        assertEquals("University of Vienna", t.hostOrganisation());
        assertEquals("accredited", t.tiClassification());
        assertEquals("2003-03-28", t.tiSince().toString());
        assertEquals("Europe/Berlin", t.timeZone().getId());
        assertEquals("AS679, AS760", Field.CONSTITUENCY_ASNS.text(t));
        assertEquals("103.0.0.0/16, 103.1.0.0/22, 103.1.4.0/24", Field.CONSTITUENCY_RANGES.text(t));
        assertEquals(List.of("cert@aco.net"), aco.emails());
        assertEquals(2, t.pgpKeys().size());
        assertEquals("2A78AD3249202E1D240EAA71354DB7B6C8AFD18A", t.pgpKeys().get(0).fingerprint());
        ContactChannel fax = t.channels().stream().filter(c -> c.type() == ChannelType.FAX).findFirst().orElseThrow();
        assertEquals("This is not a secure fax", fax.comment());
        assertEquals(List.of("ti"), aco.sources());
        Origin origin = aco.origins(Field.EMAIL, "cert@aco.net").get(0);
        assertEquals("ti", origin.source());
        assertTrue(origin.location().endsWith("teams.json"), origin.location());
        assertEquals(r.at(), origin.importedAt());
        assertEquals(Status.ACTIVE, aco.status());
    }

    @Test
    void acceptanceOverrideSurvivesNewerTiFileWithLeaverChangedAndJoiner() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        DirectoryTeam aec = directory.override("AEC", Field.EMAIL, "ops@energy-cert.example");
        assertEquals(List.of("ops@energy-cert.example"), aec.emails());
        assertTrue(aec.flags(Field.EMAIL, "ops@energy-cert.example").contains(CandidateFlag.OVERRIDDEN));
        Instant beforeSecondImport = Instant.now();
        Thread.sleep(5);

        SyncResult second = importFile("ti", TestDirectory.newerTiFile(tmp));
        assertEquals(1, second.added(), second.summary());
        assertEquals(1, second.changed(), second.summary());
        assertEquals(1, second.removed(), second.summary());
        assertEquals(2, second.unchanged(), second.summary());
        assertTrue(second.conflicts().isEmpty(), "AEC's e-mail did not change in TI: " + second.conflicts());
        TeamChange changed = second.changes().stream().filter(c -> c.kind() == TeamChange.Kind.CHANGED).findFirst().orElseThrow();
        assertEquals("CERT.at", changed.shortName());
        assertTrue(changed.details().contains("email: team@cert.at \u2192 incidents@cert.at"), changed.details().toString());

        assertEquals(List.of("ops@energy-cert.example"), directory.team("AEC").emails(), "the override is still in effect");
        assertEquals(List.of("incidents@cert.at"), directory.team("CERT.at").emails(), "the changed address is applied");
        DirectoryTeam leaver = directory.team("ACN IBE CSIRT");
        assertEquals(Status.REMOVED, leaver.status());
        assertEquals(List.of("CSIRT_Spain@accenture.com"), leaver.emails(), "a removed team keeps its last values");
        assertEquals(Status.ACTIVE, directory.team("NEW-CERT").status());
        assertEquals(List.of("ACOnet-CERT", "AEC", "CERT.at", "NEW-CERT"),
                directory.list(TeamFilter.ACTIVE).stream().map(DirectoryTeam::shortName).toList());
        assertEquals(5, directory.list(TeamFilter.ALL).size());

        assertEquals(List.of("team@cert.at"), directory.teamAt("CERT.at", beforeSecondImport).emails(), "whowas");
        assertEquals(Status.ACTIVE, directory.teamAt("ACN IBE CSIRT", beforeSecondImport).status());
        IllegalArgumentException notYet = assertThrows(IllegalArgumentException.class,
                () -> directory.teamAt("NEW-CERT", beforeSecondImport));
        assertTrue(notYet.getMessage().contains("not yet in the directory"), notYet.getMessage());

        List<Revision> history = directory.history("CERT.at");
        assertEquals(2, history.size());
        assertTrue(history.get(0).cause().startsWith("import ti "), history.get(0).cause());
        assertTrue(history.get(1).changes().contains("email: team@cert.at \u2192 incidents@cert.at"), history.get(1).changes().toString());
        List<Revision> aecHistory = directory.history("AEC");
        assertEquals(List.of("import ti", "override email"),
                aecHistory.stream().map(h -> h.cause().replaceFirst("(import ti).*", "$1")).toList(),
                "an unchanged team gets no revision from the second import");
        assertEquals(List.of("status: active \u2192 removed"), directory.history("ACN IBE CSIRT").get(1).changes());

        // The leaver returns: the same team, active again, its history kept.
        SyncResult back = importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        assertEquals(Status.ACTIVE, directory.team("ACN IBE CSIRT").status());
        assertEquals(3, directory.history("ACN IBE CSIRT").size());
        assertEquals(1, back.removed(), "NEW-CERT is not in the old file: " + back.summary());
    }

    @Test
    void overrideConflictIsShownAndTheOverrideStays() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        directory.override("CERT.at", Field.EMAIL, "coordination@cert.example");
        SyncResult r = importFile("ti", TestDirectory.newerTiFile(tmp));
        assertEquals(1, r.conflicts().size(), r.conflicts().toString());
        assertTrue(r.conflicts().get(0).startsWith("CERT.at: email: sources now say 'incidents@cert.at' (was 'team@cert.at'"),
                r.conflicts().get(0));
        DirectoryTeam cert = directory.team("CERT.at");
        assertEquals(List.of("coordination@cert.example"), cert.emails());
        assertEquals(1, cert.conflicts().size());
        assertEquals("incidents@cert.at", cert.conflicts().get(0).sourceValue());

        DirectoryTeam restored = directory.removeOverride("CERT.at", Field.EMAIL);
        assertEquals(List.of("incidents@cert.at"), restored.emails());
        assertTrue(restored.overrides().isEmpty());
        assertEquals("override email removed", directory.history("CERT.at").getLast().cause());
    }

    @Test
    void overridesAreValidatedPerField() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        assertThrows(IllegalArgumentException.class, () -> directory.override("AEC", Field.EMAIL, "not an address"));
        assertThrows(IllegalArgumentException.class, () -> directory.override("AEC", Field.PGP_FINGERPRINT, "1234"));
        assertThrows(IllegalArgumentException.class, () -> directory.override("AEC", Field.fromName("country"), "Austria"));
        assertThrows(IllegalArgumentException.class, () -> directory.override("NO-SUCH-TEAM", Field.EMAIL, "a@b.example"));
        assertEquals(1, directory.history("AEC").size(), "a refused override writes nothing");

        DirectoryTeam d = directory.override("AEC", Field.fromName("emergency-phone"), "+43 1 111, +43 1 222");
        assertEquals(List.of("+43 1 111", "+43 1 222"), Field.EMERGENCY_PHONE.values(d.team()));
        d = directory.override("AEC", Field.fromName("pgp-fingerprint"), "945C 2808 4340 505C 36CC FA6B CA51 9536 60F3 B29B");
        assertNotNull(d.team().pgpKeys().get(0).expires(), "an overridden key keeps what the source knew of it");
        d = directory.override(String.valueOf(d.id()), Field.IRT, "irt-aec-at");
        assertEquals("IRT-AEC-AT", d.team().irtObject());
        assertEquals(Origin.OVERRIDE, d.origins(Field.IRT).get(0).source());
    }

    @Test
    void firstSampleImportsNextToTiWithoutMergingTheEyPair() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        SyncResult first = importFile("first", TestDirectory.corpus(TestDirectory.FIRST_EY));
        assertEquals(15, first.added(), first.summary());
        assertEquals(19, directory.list(TeamFilter.ACTIVE).size());

        DirectoryTeam ey = directory.team("EY");
        DirectoryTeam eyCsirt = directory.team("EY CSIRT");
        assertNotEquals(ey.id(), eyCsirt.id());
        assertEquals(List.of("first-team@ey.com"), ey.emails());
        assertEquals(List.of("csirt@fr.ey.com"), eyCsirt.emails());
        assertEquals("ey", ey.team().firstId());
        assertEquals("Full Member", ey.team().firstMembership());
        assertEquals("328AC6BF734F3FAAE32E39DEABF73A5C3BD24F8D", ey.team().pgpKeys().get(0).fingerprint());
        assertEquals("2009-07-01", ey.team().established().toString());

        Set<Long> pair = Set.of(ey.id(), eyCsirt.id());
        assertTrue(first.ambiguous().stream().anyMatch(c -> Set.of(c.teamId(), c.otherId()).equals(pair)),
                "the EY pair is reported by the import: " + first.ambiguous());
        List<MatchCandidate> matches = directory.matches();
        assertTrue(matches.stream().anyMatch(c -> Set.of(c.teamId(), c.otherId()).equals(pair)), matches.toString());

        directory.keepApart("EY", "EY CSIRT");
        assertFalse(directory.matches().stream().anyMatch(c -> Set.of(c.teamId(), c.otherId()).equals(pair)),
                "kept apart by the coordinator");
        SyncResult again = importFile("first", TestDirectory.corpus(TestDirectory.FIRST_EY));
        assertEquals(15, again.unchanged(), again.summary());
        assertTrue(again.changes().isEmpty());
    }

    @Test
    void firstKeyIsReadFromTheArmouredBlock() throws Exception {
        importFile("first", TestDirectory.corpus("first-teams-api/first_teams_microsoft.json"));
        DirectoryTeam ms = directory.team("Microsoft Security PSIRT");
        var key = ms.team().pgpKeys().get(0);
        assertEquals("CB2C563AE4D614152198E11195ED49E4FB340B9D", key.fingerprint());
        assertEquals("2023-10-28", key.expires().toString().substring(0, 10), "expiry read from the key itself");
        assertTrue(key.armored().startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
        assertEquals(List.of("+1-425-936-7329"), Field.FAX.values(ms.team()));
    }

    @Test
    void sameTeamFromTwoSourcesIsMergedWithProvenanceOfEach() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        Team fromFirst = Team.builder("cert-at").firstId("cert-at").shortName("CERT.at").officialName("CERT.at (FIRST)")
                .country("AT").channel(ContactChannel.of(ChannelType.EMAIL, "team@cert.at"))
                .channel(ContactChannel.of(ChannelType.EMAIL, "reports@cert.at")).firstMembership("Full Member").build();
        SyncResult r = directory.apply(new SourceSnapshot("first", "test", Instant.now(), List.of(fromFirst), List.of()), false,
                ProgressListener.NONE);
        assertEquals(0, r.added(), r.summary());
        assertEquals(1, r.changed(), r.summary());
        DirectoryTeam cert = directory.team("CERT.at");
        assertEquals(List.of("ti", "first"), cert.sources());
        assertEquals(List.of("team@cert.at", "reports@cert.at"), cert.emails(), "TI first, then FIRST's own address");
        assertEquals(Set.of("ti", "first"), cert.origins(Field.EMAIL, "team@cert.at").stream().map(Origin::source).collect(Collectors.toSet()));
        assertEquals(List.of("first"), cert.origins(Field.EMAIL, "reports@cert.at").stream().map(Origin::source).toList());
        assertEquals("Computer Emergency Response Team Austria", cert.team().officialName(), "TI is more authoritative");
        assertEquals("Full Member", cert.team().firstMembership());

        // FIRST drops the team: still active through TI, FIRST's own address gone.
        directory.apply(new SourceSnapshot("first", "test", Instant.now(), List.of(), List.of()), false, ProgressListener.NONE);
        cert = directory.team("CERT.at");
        assertEquals(Status.ACTIVE, cert.status());
        assertEquals(List.of("ti"), cert.sources());
        assertEquals(List.of("team@cert.at"), cert.emails());
    }

    @Test
    void dryRunReportsTheDiffAndWritesNothing() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        SyncResult dry = directory.importFrom("ti", TestDirectory.newerTiFile(tmp).toString(), true, ProgressListener.NONE);
        assertTrue(dry.dryRun());
        assertEquals(1, dry.added());
        assertEquals(1, dry.removed());
        assertEquals(List.of("team@cert.at"), directory.team("CERT.at").emails());
        assertEquals(4, directory.list(TeamFilter.ACTIVE).size());
        assertEquals(1, directory.history("CERT.at").size());
    }

    @Test
    void malformedJsonIsReportedWithPositionAndWritesNothing() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        String sample = Files.readString(TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        Path truncated = Files.writeString(tmp.resolve("truncated.json"), sample.substring(0, sample.length() / 2));
        InputException e = assertThrows(InputException.class, () -> importFile("ti", truncated));
        assertEquals(truncated.toString(), e.input());
        assertTrue(e.line() > 1, e.getMessage());
        assertTrue(e.getMessage().startsWith(truncated + ":"), e.getMessage());

        // The wrong schema: a FIRST answer given as TI teams.json.
        InputException wrong = assertThrows(InputException.class, () -> importFile("ti", TestDirectory.corpus(TestDirectory.FIRST_EY)));
        assertEquals(1, wrong.line(), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("expected a JSON array of teams"), wrong.getMessage());

        Path noName = Files.writeString(tmp.resolve("no-name.json"), "[\n  {\"short_name\": \"A\"},\n  {\"official_name\": \"B\"}\n]\n");
        InputException missing = assertThrows(InputException.class, () -> importFile("ti", noName));
        assertEquals(3, missing.line(), missing.getMessage());
        assertEquals(3, missing.column(), missing.getMessage());
        assertTrue(missing.getMessage().contains("team #2: no short_name"), missing.getMessage());

        assertEquals(4, directory.list(TeamFilter.ALL).size(), "nothing of the failed imports was written");
        assertEquals(1, directory.history("CERT.at").size());
    }

    /** A team's source with the bugs third-party code has: it throws, or answers for someone else, or returns nothing. */
    private static DirectorySource source(String id, java.util.function.Supplier<SourceSnapshot> read) {
        return new DirectorySource() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return id;
            }

            @Override
            public SourceSnapshot read(java.net.URI location, ProgressListener progress) {
                return read.get();
            }
        };
    }

    @Test
    void aSourceThatBreaksFailsItsImportNamingItsBundleAndWritesNothing() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        BundleContext bc = FrameworkUtil.getBundle(DirectoryServiceTest.class).getBundleContext();
        List<ServiceRegistration<DirectorySource>> registered = List.of(
                bc.registerService(DirectorySource.class, source("bug", () -> {
                    throw new UnsupportedOperationException("not implemented");
                }), null),
                bc.registerService(DirectorySource.class, source("impostor", () -> new SourceSnapshot("ti", "x", Instant.now(),
                        List.of(), List.of())), null),
                bc.registerService(DirectorySource.class, source("empty", () -> null), null));
        try {
            Path any = Files.writeString(tmp.resolve("any.csv"), "x\n");
            LiaisonException bug = assertThrows(LiaisonException.class, () -> importFile("bug", any));
            assertTrue(bug.getMessage().startsWith("directory source 'bug' reading " + any + " failed in bundle liaison.directory "),
                    bug.getMessage());
            assertTrue(bug.getMessage().endsWith("UnsupportedOperationException: not implemented"), bug.getMessage());
            LiaisonException impostor = assertThrows(LiaisonException.class, () -> importFile("impostor", any));
            assertTrue(impostor.getMessage().contains("answered as source 'ti', not as 'impostor' (bundle liaison.directory "),
                    impostor.getMessage());
            LiaisonException empty = assertThrows(LiaisonException.class, () -> importFile("empty", any));
            assertTrue(empty.getMessage().contains("returned nothing (bundle liaison.directory "), empty.getMessage());
            assertEquals(4, directory.list(TeamFilter.ALL).size(), "an impostor cannot mark another source's teams removed");
        } finally {
            registered.forEach(ServiceRegistration::unregister);
        }
        LiaisonException gone = assertThrows(LiaisonException.class, () -> importFile("bug", tmp));
        assertTrue(gone.getMessage().startsWith("no directory source 'bug'; installed: "), gone.getMessage());
    }

    @Test
    void searchFindsNamesAddressesAndConstituency() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        assertEquals(List.of("ACOnet-CERT"), names(directory.search("103.1.4.7")));
        assertEquals(List.of("ACOnet-CERT"), names(directory.search("AS760")));
        assertEquals(List.of("ACOnet-CERT", "CERT.at"), names(directory.search("univie.ac.at")));
        assertEquals(List.of("AEC"), names(directory.search("energy")));
        assertEquals(List.of("CERT.at"), names(directory.search("team@cert.at")));
        assertTrue(directory.search("198.51.100.1").isEmpty());
    }

    @Test
    void listFiltersByCountryAndClassification() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        assertEquals(List.of("AEC", "CERT.at"), names(directory.list(new TeamFilter(null, "certified", null, false))));
        assertEquals(List.of("ACN IBE CSIRT"), names(directory.list(new TeamFilter("es", null, null, false))));
        assertEquals(4, directory.list(new TeamFilter(null, null, "ti", false)).size());
        assertTrue(directory.list(new TeamFilter(null, null, "first", false)).isEmpty());
    }

    @Test
    void csvExportImportsBackOntoTheSameTeams() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        StringBuilder csv = new StringBuilder();
        directory.export("csv", TeamFilter.ACTIVE, csv);
        assertTrue(csv.toString().startsWith("id,status,sources,short_name,official_name,"), csv.toString());
        Path file = Files.writeString(tmp.resolve("peers.csv"), csv);
        SyncResult r = importFile("csv", file);
        assertEquals(0, r.added(), "each row matched its team: " + r.summary() + " " + r.ambiguous());
        DirectoryTeam aco = directory.team("ACOnet-CERT");
        assertEquals(List.of("ti", "csv:peers.csv"), aco.sources());
        assertEquals("AS679, AS760", Field.CONSTITUENCY_ASNS.text(aco.team()));

        Path bad = Files.writeString(tmp.resolve("bad.csv"), "short_name,email\nX-CERT,x@x.example\nY-CERT,not-an-address\n");
        InputException e = assertThrows(InputException.class, () -> importFile("csv", bad));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(2, e.column(), e.getMessage());
        Path unknown = Files.writeString(tmp.resolve("unknown.csv"), "short_name,favourite_colour\nX,blue\n");
        assertTrue(assertThrows(InputException.class, () -> importFile("csv", unknown)).getMessage()
                .contains("unknown column 'favourite_colour'"));
    }

    @Test
    void rpslExportWritesIrtObjects() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        directory.override("CERT.at", Field.IRT, "IRT-CERT-AT");
        StringBuilder rpsl = new StringBuilder();
        directory.export("rpsl", new TeamFilter(null, "certified", null, false), rpsl);
        String text = rpsl.toString();
        assertTrue(text.contains("irt:            IRT-AEC\n"), text);
        assertTrue(text.contains("irt:            IRT-CERT-AT\n"), text);
        assertTrue(text.contains("e-mail:         team@cert.at\n"), text);
        assertTrue(text.contains("signature:      PGPKEY-FF4DFFB7\n"), text);
        assertFalse(text.contains("ACOnet"), "filtered out: accredited");
    }

    @Test
    void mergeMovesSourcesAndKeepsTheHistory() throws Exception {
        importFile("first", TestDirectory.corpus(TestDirectory.FIRST_EY));
        Team tiEy = Team.builder("EY-TI").shortName("EY Global CSIRT").country("GB")
                .channel(ContactChannel.of(ChannelType.EMAIL, "global-csirt@uk.ey.com")).tiClassification("listed").build();
        SyncResult r = directory.apply(new SourceSnapshot("ti", "test", Instant.now(), List.of(tiEy), List.of()), false,
                ProgressListener.NONE);
        assertEquals(1, r.added(), "only weak evidence: not merged automatically");
        assertFalse(r.ambiguous().isEmpty());
        long tiTeam = directory.team("EY Global CSIRT").id();
        long firstTeam = directory.team("EY").id();
        DirectoryTeam merged = directory.merge("EY Global CSIRT", "EY");
        assertEquals(firstTeam, merged.id());
        assertEquals(List.of("ti", "first"), merged.sources());
        assertEquals("listed", merged.team().tiClassification());
        assertEquals("EY Global CSIRT", merged.shortName(), "TI's name is the more authoritative");
        assertEquals("ey", merged.team().firstId());
        DirectoryTeam gone = directory.team(String.valueOf(tiTeam));
        assertEquals(Status.MERGED, gone.status());
        assertTrue(directory.history(String.valueOf(tiTeam)).getLast().cause().startsWith("merge EY Global CSIRT"));
        assertNull(directory.list(TeamFilter.ALL).stream().filter(d -> d.id() == tiTeam).findFirst().orElse(null));
        assertEquals(merged.id(), directory.team("EY Global CSIRT").id(), "the name now finds the active team");
        // A later TI import goes to the merged team.
        SyncResult again = directory.apply(new SourceSnapshot("ti", "test", Instant.now(), List.of(tiEy.toBuilder()
                .tiClassification("accredited").build()), List.of()), false, ProgressListener.NONE);
        assertEquals(1, again.changed(), again.summary());
        assertEquals("accredited", directory.team(String.valueOf(firstTeam)).team().tiClassification());
    }

    @Test
    void resolverStepFindsTheTeamsWhoseConstituencyCoversAResource() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        ResolverStep step = dir.resolverStep("directory");
        ResolutionContext offline = new ResolutionContext() {
            @Override
            public boolean offline() {
                return true;
            }

            @Override
            public java.time.Duration timeout() {
                return java.time.Duration.ofSeconds(5);
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void recordQuery(String server, String query) {
            }
        };
        List<ContactCandidate> ip = step.resolve(Resource.parse("103.1.4.7"), offline);
        assertEquals(1, ip.size(), ip.toString());
        ContactCandidate aco = ip.get(0);
        assertEquals(Role.DIRECTORY, aco.role());
        assertEquals("ACOnet-CERT", aco.name());
        assertEquals(List.of("cert@aco.net"), aco.emails());
        assertEquals("constituency 103.1.4.0/24", aco.path().get(1), "the closest of its ranges");
        assertEquals("directory (ti)", aco.source());

        assertEquals(List.of("ACOnet-CERT", "CERT.at"), step.resolve(Resource.parse("www.univie.ac.at"), offline).stream()
                .map(ContactCandidate::name).toList(), "*.ac.at is closer than *.at");
        assertEquals(List.of("ACOnet-CERT"), step.resolve(Resource.parse("AS679"), offline).stream().map(ContactCandidate::name).toList());
        assertTrue(step.resolve(Resource.parse("192.0.2.1"), offline).isEmpty());

        directory.override("ACOnet-CERT", Field.EMAIL, "abuse@aco.example");
        ContactCandidate overridden = step.resolve(Resource.parse("103.1.4.7"), offline).get(0);
        assertEquals(List.of("abuse@aco.example"), overridden.emails(), "the override is seen at once");
        assertTrue(overridden.has(CandidateFlag.OVERRIDDEN));
    }

    @Test
    void teamConstituenciesFeedTheConstituencyMapper() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        Path irt = Files.writeString(tmp.resolve("irt.db"), "irt: IRT-HIDDEN\naddress: x\ne-mail: unread@ripe.net\nsource: RIPE\n");
        importFile("ripe-irt", irt);
        directory.override("IRT-HIDDEN", Field.CONSTITUENCY_RANGES, "198.51.100.0/24");
        TeamConstituencies provider = dir.service(TeamConstituencies.class, false);
        assertEquals("directory", provider.id());
        Map<String, Team> teams = provider.teams().stream().collect(Collectors.toMap(Team::shortName, t -> t));
        assertEquals(Set.of("ACN IBE CSIRT", "ACOnet-CERT", "AEC", "CERT.at", "IRT-HIDDEN"), teams.keySet());
        assertEquals(String.valueOf(directory.team("ACOnet-CERT").id()), teams.get("ACOnet-CERT").sourceKey());
        assertEquals("103.0.0.0/16, 103.1.0.0/22, 103.1.4.0/24", Field.CONSTITUENCY_RANGES.text(teams.get("ACOnet-CERT")));
        assertTrue(teams.get("IRT-HIDDEN").emails().isEmpty(), "the placeholder is not offered as an address");
        assertEquals(directory.team("IRT-HIDDEN").changedAt(), provider.asOf(), "the latest change");
    }

    private static List<String> names(List<DirectoryTeam> teams) {
        return teams.stream().map(DirectoryTeam::shortName).toList();
    }
}
