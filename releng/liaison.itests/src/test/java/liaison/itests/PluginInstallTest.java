package liaison.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A team's extension, built by its own Maven build against Liaison's published p2 repository only,
 * installed into a copy of the product with {@code liaison plugins install}, used as a CSIRT would
 * (a directory source configured by a workspace setting reading CSV over HTTPS, a report format, a webhook transport),
 * shown to contain its deliberately broken format, and removed.
 */
class PluginInstallTest {

    static final String FEATURE = "org.example.liaison.feature";
    static Path exampleSite;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildTheExampleAgainstTheSite() throws Exception {
        Path root = Path.of(System.getProperty("liaison.root"));
        Path example = root.resolve("examples/liaison-example");
        Path site = Path.of(System.getProperty("liaison.site"));
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q", "-f",
                example.resolve("pom.xml").toString(), "clean", "verify", "-Dliaison.site=" + site.toUri()));
        Product.Result r = Product.run(command, Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertEquals(0, r.code(), "the example builds against the site alone:\n" + r.out() + r.err());
        exampleSite = example.resolve("site/target/repository");
        assertTrue(Files.exists(exampleSite.resolve("content.jar")) || Files.exists(exampleSite.resolve("content.xml.xz")));
    }

    private List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    private List<String> features(Product product) throws Exception {
        Product.Result list = product.liaison("plugins", "list", "--json");
        assertEquals(0, list.code(), list.err());
        return jsonLines(list.out()).stream().map(n -> n.get("id").asText()).toList();
    }

    private List<String> exampleComponents(Product product) throws Exception {
        Product.Result doctor = product.liaison("doctor", "--json");
        assertEquals(0, doctor.code(), doctor.out() + doctor.err());
        List<String> names = new ArrayList<>();
        for (JsonNode c : json.readTree(doctor.out()).get("components")) {
            if (c.get("bundle").asText().equals("org.example.liaison")) {
                assertTrue(c.get("satisfied").asBoolean(), c.toString());
                names.add(c.get("name").asText());
            }
        }
        return names;
    }

    /**
     * A local HTTPS server with a certificate made for the test: serves the CSV, and records what is
     * posted to its webhooks. The product trusts the certificate through {@link #javaOptions()}.
     */
    static final class Web implements AutoCloseable {
        static final String PASSWORD = "liaison-test";
        final HttpsServer server;
        final Path trustStore;
        final List<String> posted = new CopyOnWriteArrayList<>();
        final List<String> paths = new CopyOnWriteArrayList<>();

        Web(String csv, Path dir) throws Exception {
            Path keyStore = dir.resolve("web-key.p12");
            trustStore = dir.resolve("web-trust.p12");
            Path cert = dir.resolve("web.crt");
            keytool("-genkeypair", "-alias", "web", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", "web", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", "web", "-file", cert.toString(), "-keystore", trustStore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/teams.csv", exchange -> {
                byte[] body = csv.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/hooks/", exchange -> {
                paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type"));
                posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        private static void keytool(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
            command.addAll(List.of(args));
            Product.Result r = Product.run(command, Map.of());
            assertEquals(0, r.code(), "keytool " + String.join(" ", args) + ": " + r.out() + r.err());
        }

        /** JVM options under which the product trusts this server's certificate (as a team's own CA would be). */
        String javaOptions() {
            return "-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD
                    + " -Djavax.net.ssl.trustStoreType=PKCS12";
        }

        String url(String path) {
            return "https://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static final String CSV = "Handle,Team,Land,Mail\r\nEX-1,CERT-Example,DE,cert@example.de\r\nEX-2,\"Sector ISAC, Energy\",AT,isac@energy.example\r\n";

    /** Two incidents: one for a team that takes reports by webhook only, one by e-mail and webhook. */
    static String events(Web web) {
        return "{\"time.source\": \"2026-11-20T10:15:02+01:00\", \"source.ip\": \"192.0.2.10\", \"classification.taxonomy\": \"intrusion-attempts\","
                + " \"classification.type\": \"brute-force\", \"source.abuse_contact\": \"" + web.url("/hooks/team-a") + "\","
                + " \"raw\": \"c3NoZCBGYWlsZWQgcGFzc3dvcmQ=\"}\n"
                + "{\"time.source\": \"2026-11-20T09:00:00+00:00\", \"source.ip\": \"198.51.100.7\", \"classification.taxonomy\": \"information-gathering\","
                + " \"classification.type\": \"scanner\", \"source.abuse_contact\": \"abuse@net-b.example, " + web.url("/hooks/team-b") + "\"}\n";
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** A failed command: exit 1 and exactly one line on stderr, no stack trace. */
    private static String oneLineFailure(Product.Result r) {
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("liaison: "), r.err());
        return r.err().strip();
    }

    @Test
    void installUseAndRemove() throws Exception {
        try (Product product = Product.copy(); Web web = new Web(CSV, Files.createTempDirectory("liaison-web"))) {
            product.javaOptions(web.javaOptions());
            List<String> before = features(product);
            assertFalse(before.contains(FEATURE));
            Path events = Files.writeString(product.workspace.getParent().resolve("events.jsonl"), events(web));

            Product.Result install = product.liaison("plugins", "install", exampleSite.toString(), FEATURE);
            assertEquals(0, install.code(), install.out() + install.err());
            assertTrue(features(product).contains(FEATURE));
            assertEquals(List.of("org.example.liaison.internal.BrokenReportFormat", "org.example.liaison.internal.CsvDirectorySource",
                    "org.example.liaison.internal.MarkdownReportFormat", "org.example.liaison.internal.WebhookTransport"),
                    exampleComponents(product).stream().sorted().toList(), "doctor shows the third party's components");

            // A directory source: its column map is a workspace setting, applied through ConfigurationAdmin in each process.
            assertTrue(product.liaison("directory", "sources", "available").out().contains("example-csv"));
            Product.Result set = product.liaison("config", "set", "org.example.liaison.csv", "columns",
                    "key=Handle,short_name=Team,country=Land,email=Mail");
            assertEquals(0, set.code(), set.out() + set.err());
            assertTrue(set.out().contains("org.example.liaison.internal.CsvDirectorySource"), set.out());
            Product.Result imported = product.liaison("--json", "directory", "import", "example-csv", web.url("/teams.csv"));
            assertEquals(0, imported.code(), imported.out() + imported.err());
            assertEquals(2, json.readTree(imported.out()).get("added").asInt(), imported.out());
            List<JsonNode> teams = jsonLines(product.liaison("--json", "directory", "list", "--source", "example-csv").out());
            assertEquals(List.of("CERT-Example", "Sector ISAC, Energy"), teams.stream().map(t -> t.get("short_name").asText()).toList());
            assertEquals("cert@example.de", teams.get(0).get("emails").get(0).asText());
            assertEquals("AT", teams.get(1).get("country").asText());

            // A report format: Markdown inside the RFC 5322 message.
            Path md = product.workspace.getParent().resolve("md");
            Product.Result composed = product.liaison("report", "compose", "--events", events.toString(), "--format", "markdown",
                    "--from", "cert@csirt.example.org", "--out", md.toString());
            assertEquals(0, composed.code(), composed.out() + composed.err());
            List<Path> eml = files(md);
            assertEquals(2, eml.size(), composed.out());
            String message = Files.readString(eml.get(0), StandardCharsets.ISO_8859_1);
            assertTrue(message.contains("Content-Type: text/markdown; charset=UTF-8"), message);
            String markdown = Product.quotedPrintable(message.substring(message.indexOf("\r\n\r\n", message.indexOf("Content-Type: text/markdown"))));
            assertTrue(markdown.contains("## Requested action"), markdown);
            assertTrue(markdown.contains("| Time (UTC) | Original offset | Log line |"), markdown);
            assertTrue(message.contains("X-Liaison-Ticket: LIA-"), message);

            // A transport: each recipient goes through the transport that handles it, once.
            Product.Result queued = product.liaison("report", "compose", "--events", events.toString(), "--format", "markdown",
                    "--from", "cert@csirt.example.org");
            assertEquals(0, queued.code(), queued.out() + queued.err());
            String failure = oneLineFailure(product.liaison("report", "send"));
            assertTrue(failure.contains("abuse@net-b.example") && failure.contains("--smtp"), failure);
            assertEquals(2, web.posted.size(), "both webhook recipients were posted to, though e-mail had to wait: " + web.paths);
            assertEquals(List.of("POST /hooks/team-a application/json", "POST /hooks/team-b application/json"), web.paths.stream().sorted().toList());
            JsonNode posted = json.readTree(web.posted.get(web.paths.indexOf("POST /hooks/team-a application/json")));
            assertEquals(List.of("text"), iterable(posted.fieldNames()));
            String text = posted.get("text").asText();
            assertTrue(text.matches("(?s)\\*\\*\\[LIA-\\d{8}-[0-9A-Z]{6}\\] brute-force from your network\\*\\*\n\n# .*"), text);
            assertTrue(text.contains("## Requested action") && text.contains("192.0.2.10"), text);

            oneLineFailure(product.liaison("report", "send"));
            assertEquals(2, web.posted.size(), "nothing is posted twice");
            List<JsonNode> status = jsonLines(product.liaison("--json", "report", "status").out()).stream()
                    .filter(n -> n.get("kind").asText().equals("message")).toList();
            assertEquals(List.of("queued", "sent"), status.stream().map(n -> n.get("state").asText()).sorted().toList());
            JsonNode mixed = status.stream().filter(n -> n.get("state").asText().equals("queued")).findFirst().orElseThrow();
            assertEquals("queued", mixed.get("deliveries").get(0).get("state").asText());
            assertEquals("abuse@net-b.example", mixed.get("deliveries").get(0).get("recipient").asText());
            assertEquals("webhook", mixed.get("deliveries").get(1).get("transport").asText());
            assertEquals("sent", mixed.get("deliveries").get(1).get("state").asText());

            // A format that throws is contained: one line naming the bundle, nothing written, the others unaffected.
            Path broken = product.workspace.getParent().resolve("broken");
            String contained = oneLineFailure(product.liaison("report", "compose", "--events", events.toString(), "--format", "broken",
                    "--from", "cert@csirt.example.org", "--out", broken.toString()));
            assertTrue(contained.matches("liaison: format 'broken' rendering LIA-\\S+ failed in bundle org\\.example\\.liaison 1\\.0\\.0\\S*: "
                    + "java\\.lang\\.IllegalStateException: the broken example format fails on purpose"), contained);
            assertEquals(List.of(), files(broken));
            Path plainDir = product.workspace.getParent().resolve("text");
            Product.Result plain = product.liaison("report", "compose", "--events", events.toString(), "--format", "text",
                    "--from", "cert@csirt.example.org", "--out", plainDir.toString());
            assertEquals(0, plain.code(), plain.out() + plain.err());
            assertEquals(2, files(plainDir).size());

            Product.Result remove = product.liaison("plugins", "remove", FEATURE);
            assertEquals(0, remove.code(), remove.out() + remove.err());
            assertEquals(before, features(product), "removing restores the original set");
            assertEquals(List.of(), exampleComponents(product));
            assertFalse(product.liaison("directory", "sources", "available").out().contains("example-csv"));
            String gone = oneLineFailure(product.liaison("directory", "import", "example-csv", web.url("/teams.csv")));
            assertTrue(gone.startsWith("liaison: no directory source 'example-csv'; installed: "), gone);
            String noFormat = oneLineFailure(product.liaison("report", "compose", "--events", events.toString(), "--format", "markdown",
                    "--from", "cert@csirt.example.org", "--out", md.toString()));
            assertTrue(noFormat.startsWith("liaison: unknown report format 'markdown'"), noFormat);
            assertTrue(product.liaison("config", "list").out().contains("(no installed component reads it)"),
                    "the setting stays in the workspace, for when the extension comes back");
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void refusesWhatItCannotInstallAndLiaisonsOwnFeatures() throws Exception {
        try (Product product = Product.copy()) {
            Product.Result missing = product.liaison("plugins", "install", exampleSite.toString(), "no.such.feature");
            assertEquals(1, missing.code());
            assertEquals(1, missing.err().lines().filter(l -> l.startsWith("liaison: ")).count(), missing.err());
            assertTrue(missing.err().contains("no.such.feature"), missing.err());
            Product.Result own = product.liaison("plugins", "remove", "liaison.core.feature");
            assertEquals(1, own.code());
            assertTrue(own.err().contains("part of Liaison"), own.err());
        }
    }
}
