package liaison.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A team's extension, built by its own Maven build against Liaison's published p2 repository only,
 * installed into a copy of the product with {@code liaison plugins install}, used, and removed.
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

    @Test
    void installUseAndRemove() throws Exception {
        try (Product product = Product.copy()) {
            List<String> before = features(product);
            assertFalse(before.contains(FEATURE));

            Product.Result install = product.liaison("plugins", "install", exampleSite.toString(), FEATURE);
            assertEquals(0, install.code(), install.out() + install.err());
            assertTrue(features(product).contains(FEATURE));
            assertEquals(List.of("org.example.liaison.internal.BrokenReportFormat", "org.example.liaison.internal.CsvDirectorySource",
                    "org.example.liaison.internal.MarkdownReportFormat", "org.example.liaison.internal.WebhookTransport"),
                    exampleComponents(product).stream().sorted().toList(), "doctor shows the third party's components");

            Product.Result remove = product.liaison("plugins", "remove", FEATURE);
            assertEquals(0, remove.code(), remove.out() + remove.err());
            assertEquals(before, features(product), "removing restores the original set");
            assertEquals(List.of(), exampleComponents(product));
        }
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
