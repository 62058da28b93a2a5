package liaison.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line, run in-process inside OSGi with every Liaison core bundle and their DS components. */
class CliTest {

    @TempDir
    Path data;

    record Result(int code, String out, String err) {
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(CliTest.class).getBundleContext();
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(context(), new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheBundleVersion() {
        Result r = run("--version");
        assertEquals(0, r.code(), r.err());
        Bundle cli = FrameworkUtil.getBundle(Cli.class);
        String expected = cli.getVersion().getMajor() + "." + cli.getVersion().getMinor() + "." + cli.getVersion().getMicro();
        assertTrue(r.out().startsWith("liaison " + expected), r.out());
    }

    @Test
    void doctorReportsEveryLiaisonComponentSatisfied() throws Exception {
        Result r = run("doctor", "--data", data.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertTrue(report.get("ok").asBoolean());
        assertEquals(data.toString(), report.get("workspace").asText());
        assertEquals(2, report.get("schemas").get("store").asInt());
        assertTrue(Files.isDirectory(data.resolve("db")), "the store was created in the --data directory");

        // DS wiring: every component declared by an installed liaison.* bundle is listed and satisfied.
        int declared = 0;
        for (Bundle b : context().getBundles()) {
            if (b.getSymbolicName().startsWith("liaison.") && b.getHeaders().get("Service-Component") != null) {
                declared += b.getHeaders().get("Service-Component").split(",").length;
            }
        }
        int listed = 0;
        for (JsonNode c : report.get("components")) {
            if (c.get("liaison").asBoolean()) {
                listed++;
                assertTrue(c.get("satisfied").asBoolean(), c.toString());
            }
        }
        assertTrue(declared >= 3, "the core bundles declare components: " + declared);
        assertEquals(declared, listed, "every declared Liaison component appears in doctor's report");
    }

    @Test
    void doctorTextEndsReady() {
        Result r = run("--data", data.toString(), "doctor");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("liaison.store.internal.DerbyDatabase"), r.out());
        assertTrue(r.out().contains("Liaison is ready."), r.out());
        assertTrue(r.out().contains(data.resolve("db").toString()), r.out());
    }

    @Test
    void doctorFailsWithOneLineReasonWhenTheStoreIsUnusable() throws Exception {
        Path notADirectory = Files.writeString(data.resolve("occupied"), "a file where the workspace should be");
        Result r = run("doctor", "--data", notADirectory.toString());
        assertEquals(1, r.code(), r.out());
        assertEquals(1, r.err().lines().count(), "one line on stderr: " + r.err());
        assertTrue(r.err().startsWith("liaison: "), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Result unknown = run("no-such-command");
        assertEquals(2, unknown.code());
        assertFalse(unknown.err().isBlank());
        assertEquals(2, run().code(), "a command is required");
        assertEquals(2, run("doctor", "--no-such-option").code());
    }

    @Test
    void helpListsCommands() {
        Result r = run("help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("doctor"), r.out());
        Result doctorHelp = run("help", "doctor");
        assertEquals(0, doctorHelp.code());
        assertTrue(doctorHelp.out().contains("--data"), "global options are inherited: " + doctorHelp.out());
        Result nested = run("help", "drill", "serve");
        assertEquals(0, nested.code(), nested.err());
        assertTrue(nested.out().startsWith("Usage: liaison drill serve "), nested.out());
        Result unknown = run("help", "drill", "sing");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no command 'sing' of 'drill'"), unknown.err());
        Result option = run("drill", "serve", "--help");
        assertEquals(0, option.code(), "--help needs no required parameters: " + option.err());
        assertTrue(option.out().startsWith("Usage: liaison drill serve "), option.out());
    }
}
