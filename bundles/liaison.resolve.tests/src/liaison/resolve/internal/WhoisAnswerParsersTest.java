package liaison.resolve.internal;

import static liaison.resolve.internal.Fixture.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import liaison.api.InputException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.api.whois.WhoisAnswerParser;
import liaison.api.whois.WhoisObject;
import liaison.replay.Responders;
import liaison.replay.WhoisReplay;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;
import liaison.resolve.Via;

/**
 * A team's parser for a registry Liaison cannot read: ARIN refers an address to a national registry
 * answering in its own labelled format; the parser installed as a service makes its abuse contact
 * the answer, and a parser with a bug leaves Liaison's own readers in charge, the bug reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoisAnswerParsersTest {

    private static final String NIR = "whois.registro.example";
    /** The national registry's own format: labels in Portuguese, one object per blank-line block. */
    private static final String NIR_ANSWER = """
            % Registro Simulado - consulta de enderecos
            bloco:       74.125.224.0/20
            titular:     Hospedagem Exemplo Ltda
            pais:        BR
            contato-abuso: HEL-ABUSO

            contato:     HEL-ABUSO
            nome:        Equipe de abuso Hospedagem Exemplo
            e-mail:      abuso@hospedagem.example
            """;

    @TempDir
    static Path workspace;
    private Fixture fixture;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<ServiceRegistration<?>> registered = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        fixture = new Fixture(workspace, "rate=unlimited retries=0");
    }

    @AfterEach
    void cleanUp() throws Exception {
        registered.forEach(ServiceRegistration::unregister);
        registered.clear();
        for (AutoCloseable c : open) {
            c.close();
        }
        open.clear();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    /** The registry's format translated to RPSL: what the parser's author writes. */
    static final class RegistroParser implements WhoisAnswerParser {
        @Override
        public String id() {
            return "registro-simulado";
        }

        @Override
        public boolean handles(String host) {
            return host.equals(NIR);
        }

        @Override
        public List<WhoisObject> parse(String host, String query, String answer) throws InputException {
            List<WhoisObject> objects = new ArrayList<>();
            for (String block : answer.split("\\n\\s*\\n")) {
                List<String> rpsl = new ArrayList<>();
                for (String line : block.lines().filter(l -> !l.startsWith("%") && !l.isBlank()).toList()) {
                    int colon = line.indexOf(':');
                    String label = line.substring(0, colon).strip();
                    String value = line.substring(colon + 1).strip();
                    switch (label) {
                        case "bloco" -> rpsl.addAll(List.of("inetnum", value));
                        case "titular" -> rpsl.addAll(List.of("netname", value.toUpperCase().replace(' ', '-')));
                        case "pais" -> rpsl.addAll(List.of("country", value));
                        case "contato-abuso" -> rpsl.addAll(List.of("abuse-c", value));
                        case "contato" -> rpsl.addAll(List.of("role", value, "nic-hdl", value));
                        case "e-mail" -> rpsl.addAll(List.of("abuse-mailbox", value));
                        default -> {
                            // names and other labels carry no contact
                        }
                    }
                }
                if (!rpsl.isEmpty()) {
                    objects.add(WhoisObject.of(rpsl.toArray(String[]::new)));
                }
            }
            return objects;
        }
    }

    private void register(WhoisAnswerParser parser, int ranking) {
        BundleContext bc = FrameworkUtil.getBundle(WhoisAnswerParsersTest.class).getBundleContext();
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("service.ranking", ranking);
        registered.add(bc.registerService(WhoisAnswerParser.class, parser, p));
    }

    /** ARIN refers 74.125.225.229 to the national registry; both are replays on loopback. */
    private Resolution lookup() throws Exception {
        WhoisReplay arin = new WhoisReplay("whois.arin.net", Responders.bytes(("NetRange: 74.125.0.0 - 74.125.255.255\nNetName: LACNIC-ERX\n"
                + "ReferralServer: whois://" + NIR + "\n").getBytes(StandardCharsets.UTF_8)));
        WhoisReplay nir = new WhoisReplay(NIR, Responders.bytes(NIR_ANSWER.getBytes(StandardCharsets.UTF_8)));
        open.add(arin);
        open.add(nir);
        Path file = workspace.resolve("nir-" + open.size() + ".conf");
        Files.writeString(file, fixture.corpus.endpoints("rate=unlimited retries=0") + arin.endpointLine() + "\n" + nir.endpointLine() + "\n");
        // Later lookups take the answers from the workspace cache: parsers read cached answers as they read fresh ones.
        return fixture.resolver.resolve(Resource.parse("74.125.225.229"),
                new LookupOptions(Via.WHOIS, false, Endpoints.load(file), null, Duration.ofSeconds(15), null));
    }

    @Test
    void withoutAParserTheRegistrysFormatYieldsNoContactOfItsOwn() throws Exception {
        Resolution r = lookup();
        assertTrue(r.contacts().stream().noneMatch(c -> c.emails().contains("abuso@hospedagem.example")), r.contacts().toString());
    }

    @Test
    void anInstalledParserReadsTheRegistryAndItsContactWins() throws Exception {
        register(new RegistroParser(), 0);
        Resolution r = lookup();
        ContactCandidate best = best(r);
        assertEquals("abuso@hospedagem.example", best.email(), r.contacts().toString());
        assertTrue(String.join(" ", best.path()).contains("74.125.224.0/20"), best.path().toString());
        assertEquals("BR", r.network().country(), "the network the parser described is the one shown");
    }

    @Test
    void aParserWithABugIsContainedAndNamedAndTheNextRankedOneIsNotAskedInstead() throws Exception {
        register(new RegistroParser(), 0);
        register(new WhoisAnswerParser() {
            @Override
            public String id() {
                return "buggy";
            }

            @Override
            public boolean handles(String host) {
                return true;
            }

            @Override
            public List<WhoisObject> parse(String host, String query, String answer) {
                throw new IllegalStateException("the parser fell over");
            }
        }, 10);
        Resolution r = lookup();
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("whois answer parser 'buggy' for " + NIR)
                && p.contains("failed in bundle liaison.resolve") && p.contains("IllegalStateException: the parser fell over")
                && p.endsWith("read by Liaison's own readers instead")), r.problems().toString());
        assertTrue(r.contacts().stream().noneMatch(c -> c.emails().contains("abuso@hospedagem.example")),
                "a failed parser falls back to the built-in readers, not to a lower-ranked parser: " + r.contacts());
    }
}
