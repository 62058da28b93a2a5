package liaison.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** {@code liaison config}: settings kept in the workspace reach ConfigurationAdmin whenever the workspace is selected. */
class ConfigCliTest {

    static final String PID = "liaison.test.greeter";

    @TempDir
    Path data;

    record Result(int code, String out, String err) {
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ConfigCliTest.class).getBundleContext();
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(context(), new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Configuration configuration() throws Exception {
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> t = new ServiceTracker<>(context(), ConfigurationAdmin.class, null);
        t.open();
        try {
            Configuration[] c = t.waitForService(10_000).listConfigurations("(service.pid=" + PID + ")");
            return c == null ? null : c[0];
        } finally {
            t.close();
        }
    }

    @Test
    void settingsAreKeptInTheWorkspaceAndAppliedWhenItIsSelected() throws Exception {
        Result set = run("config", "set", "--data", data.toString(), PID, "greeting", "hello, world = ü");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.err().startsWith("liaison: warning: no installed component reads configuration '" + PID + "'"), set.err());
        assertTrue(Files.readString(data.resolve("config/" + PID + ".cfg")).contains("greeting"));

        Result list = run("config", "list", "--data", data.toString());
        assertEquals(PID + " greeting=hello, world = ü  (no installed component reads it)\n", list.out());
        Configuration applied = configuration();
        assertEquals("hello, world = ü", applied.getProperties().get("greeting"), "the next process that selects the workspace applies it");

        assertEquals(0, run("config", "unset", "--data", data.toString(), PID, "greeting").code());
        assertEquals("", run("config", "list", "--data", data.toString()).out());
        assertNull(configuration(), "a setting removed from the workspace is withdrawn");
        Result again = run("config", "unset", "--data", data.toString(), PID);
        assertEquals(1, again.code());
        assertEquals("liaison: no setting " + PID + " in this workspace\n", again.err());
    }

    @Test
    void refusesWhatIsNoSetting() {
        Result workspace = run("config", "set", "--data", data.toString(), "liaison.workspace", "path", "/tmp");
        assertEquals(1, workspace.code());
        assertEquals("liaison: the workspace is chosen with --data, not with a setting\n", workspace.err());
        Result pid = run("config", "set", "--data", data.toString(), "../etc/passwd", "k", "v");
        assertEquals(1, pid.code());
        assertTrue(pid.err().contains("is not a configuration PID"), pid.err());
        Result key = run("config", "set", "--data", data.toString(), PID, "service.ranking", "100");
        assertEquals(1, key.code());
        assertTrue(key.err().contains("not a property name a setting may use"), key.err());
        assertTrue(Files.notExists(data.resolve("config")), "nothing written");
    }
}
