package liaison.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.directory.DirectoryTeam;
import liaison.directory.SyncResult;
import liaison.directory.TeamFilter;

/**
 * Reliability: a process is killed with SIGKILL in the middle of an import; the workspace then opens
 * with the previous state intact, and takes the next import.
 */
class ImportCrashTest {

    /** Bundles the child JVM needs on its class path: the directory and store with their libraries. */
    private static final Set<String> CLASS_PATH = Set.of("liaison.api", "liaison.store", "liaison.directory", "liaison.isolation",
            "liaison.directory.tests", "derby", "org.apache.derby.derbyshared", "org.apache.derby.derbytools",
            "jakarta.persistence-api", "org.eclipse.persistence.core", "org.eclipse.persistence.jpa",
            "org.eclipse.persistence.jpa.jpql", "org.objectweb.asm", "org.objectweb.asm.commons",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-databind",
            "com.fasterxml.jackson.core.jackson-annotations");

    private static final int TEAMS = 6_000;

    @TempDir
    Path tmp;

    @Test
    void killedImportLeavesThePreviousStateIntact() throws Exception {
        Path workspace = tmp.resolve("ws");
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-cp", classPath(),
                CrashImportMain.class.getName(), workspace.toString(), Integer.toString(TEAMS))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        boolean committed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                output.add(line);
                committed |= line.equals("COMMITTED");
                // Half-way, several batches of the import's rows are written but not committed.
                if (line.startsWith("PROGRESS ") && Integer.parseInt(line.split(" ")[1]) >= TEAMS / 2) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no Derby shutdown
                    break;
                }
                if (line.equals("FINISHED")) {
                    fail("the import finished before it could be killed: " + output);
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child is gone");
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9): " + output);
        assertTrue(committed, "the first import was committed before the kill: " + output);

        try (TestDirectory dir = new TestDirectory(workspace)) {
            List<DirectoryTeam> teams = dir.service.list(TeamFilter.ALL);
            assertEquals(List.of("BASE-CERT-0", "BASE-CERT-1", "BASE-CERT-2"), teams.stream().map(DirectoryTeam::shortName).toList(),
                    "the committed import is there, nothing of the killed one");
            assertEquals(1, dir.service.history("BASE-CERT-1").size());
            SyncResult next = dir.service.apply(CrashImportMain.snapshot("big", 50), false, ProgressListener.NONE);
            assertEquals(50, next.added(), "the store takes the next import");
            assertEquals(53, dir.service.list(TeamFilter.ACTIVE).size());
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jars (or class folders) the test framework installed these bundles from. */
    private static String classPath() throws Exception {
        List<String> entries = new ArrayList<>();
        Path installArea = Path.of(new java.net.URL(System.getProperty("osgi.install.area")).toURI());
        for (Bundle b : FrameworkUtil.getBundle(ImportCrashTest.class).getBundleContext().getBundles()) {
            if (CLASS_PATH.contains(b.getSymbolicName())) {
                // Locations look like "initial@reference:file:../../x.jar": raw paths, relative to the install area.
                String location = b.getLocation();
                File file = installArea.resolve(location.substring(location.indexOf("file:") + "file:".length())).normalize().toFile();
                entries.add(file.getPath());
                // A bundle run from its build folder keeps its classes in a sub folder.
                File classes = new File(file, "target/classes");
                if (classes.isDirectory()) {
                    entries.add(classes.getPath());
                }
            }
        }
        assertEquals(CLASS_PATH.size(), entries.stream().filter(e -> !e.endsWith("target/classes")).count(),
                "every bundle found: " + entries);
        return String.join(File.pathSeparator, entries);
    }
}
