package liaison.report.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import liaison.store.Workspaces;

/** Shared helpers: OSGi services, corpus paths, and a real gpg in a throw-away home. */
final class TestSupport {

    private TestSupport() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(TestSupport.class).getBundleContext();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean OFFLINE = new java.util.concurrent.atomic.AtomicBoolean();

    static void selectWorkspace(Path dir) throws Exception {
        Workspaces.select(context(), dir, Duration.ofSeconds(20));
        // The installed resolver would ask the registries: these tests run offline, so a resolver that
        // knows no contact is ranked above it (a test that needs contacts registers one higher still).
        if (OFFLINE.compareAndSet(false, true)) {
            context().registerService(liaison.api.resolve.ContactResolver.class, resource -> List.of(),
                    new java.util.Hashtable<>(java.util.Map.of(org.osgi.framework.Constants.SERVICE_RANKING, 50)));
        }
    }

    /** The service of the selected workspace (its path is a service property), not one of a workspace selected before. */
    static <T> T workspaceService(Class<T> type, Path dir) throws Exception {
        return Workspaces.await(context(), type, dir.toAbsolutePath().normalize().toString(), Duration.ofSeconds(20));
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T service = tracker.waitForService(20_000);
        if (service == null) {
            throw new AssertionError("no service " + type.getName());
        }
        return service;
    }

    static Path corpus(String relative) {
        return Path.of(System.getProperty("liaison.corpus", "../shared/corpus")).resolve(relative);
    }

    static Path schemas(String relative) {
        return Path.of(System.getProperty("liaison.schemas", "../shared/schemas")).resolve(relative);
    }

    static byte[] resource(String name) throws IOException {
        try (var in = TestSupport.class.getResourceAsStream("/data/" + name)) {
            return in.readAllBytes();
        }
    }

    static MimeMessage parse(byte[] mime) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
    }

    /** The parts of a multipart entity, byte for byte, split at its boundary (what RFC 3156 signs). */
    static List<byte[]> rawParts(byte[] mime, String contentType) {
        String boundary = "--" + boundary(contentType);
        String text = new String(mime, StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        int start = text.indexOf(boundary + "\r\n");
        while (start >= 0) {
            int from = start + boundary.length() + 2;
            int end = text.indexOf("\r\n" + boundary, from);
            if (end < 0) {
                break;
            }
            parts.add(text.substring(from, end).getBytes(StandardCharsets.ISO_8859_1));
            start = text.startsWith(boundary + "--", end + 2) ? -1 : end + 2;
        }
        return parts;
    }

    static String boundary(String contentType) {
        try {
            return new ContentType(contentType).getParameter("boundary");
        } catch (jakarta.mail.internet.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** The real gpg with its own home directory. */
    static final class Gpg {
        final Path home;

        Gpg(Path home) throws IOException {
            this.home = Files.createDirectories(home);
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }

        Result run(String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
                    "--pinentry-mode", "loopback", "--passphrase", "", "--status-fd", "1"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("gpg did not finish: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        }

        void kill() throws Exception {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(10, TimeUnit.SECONDS);
        }

        record Result(int code, String output) {
        }
    }
}
