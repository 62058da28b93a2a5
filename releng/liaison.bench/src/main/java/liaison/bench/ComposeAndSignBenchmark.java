package liaison.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.pgp.PgpService;
import liaison.pgp.internal.BcPgpService;
import liaison.report.ComposeOptions;
import liaison.report.GroupBy;
import liaison.report.ReportComposer;
import liaison.report.internal.Composer;
import liaison.report.text.internal.TextFormat;

/**
 * Issue 6's benchmark: compose and PGP-sign 1000 grouped reports (3000 IntelMQ events, three per
 * contact: read, group, render the text template, build the MIME message, sign it as PGP/MIME), against
 * {@code gpg --clearsign} of 1000 files holding the same report texts, one gpg process per report as a
 * mailer that shells out to gpg does it. Both sign with an Ed25519 key. One operation is all 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ComposeAndSignBenchmark {

    static final int REPORTS = 1000;
    static final String TEAM = "cert@bench.example.org";

    private Path dir;
    private Path gnupg;
    private ReportComposer composer;
    private ComposeOptions options;
    private byte[] events;
    private final List<Path> texts = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("liaison-bench");
        PgpService pgp = BcPgpService.withoutPassphrases(dir.resolve("pgp"));
        pgp.generate("CERT-Bench", TEAM, null);
        composer = new Composer(List.of(new TextFormat((Path) null)), pgp);
        options = new ComposeOptions("text", GroupBy.CONTACT, true, false, false, Tlp.AMBER,
                new Reporter("CERT-Bench", "Bench", TEAM, null, null), "LIA", 0);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < REPORTS * 3; i++) {
            int contact = i / 3;
            String ip = "10." + (contact >> 8 & 255) + "." + (contact & 255) + "." + (1 + i % 3);
            String raw = java.util.Base64.getEncoder().encodeToString(("Nov 20 10:15:0" + i % 10 + " hp1 sshd[" + i
                    + "]: Failed password for root from " + ip + " port 51022 ssh2").getBytes(StandardCharsets.UTF_8));
            jsonl.append("{\"time.source\": \"2026-11-20T10:15:0").append(i % 10).append("+01:00\", \"source.ip\": \"").append(ip)
                    .append("\", \"source.port\": 51022, \"destination.ip\": \"198.51.100.5\", \"destination.port\": 22,")
                    .append(" \"protocol.transport\": \"tcp\", \"classification.taxonomy\": \"intrusion-attempts\",")
                    .append(" \"classification.type\": \"brute-force\", \"source.abuse_contact\": \"abuse@net-").append(contact)
                    .append(".example.org\", \"raw\": \"").append(raw).append("\"}\n");
        }
        events = jsonl.toString().getBytes(StandardCharsets.UTF_8);

        List<Report> reports = composer.group(composer.readEvents("bench", new ByteArrayInputStream(events)), options).reports();
        if (reports.size() != REPORTS) {
            throw new IllegalStateException("expected " + REPORTS + " reports, got " + reports.size());
        }
        Path textDir = Files.createDirectories(dir.resolve("texts"));
        for (Report r : reports) {
            byte[] body = composer.render(r, "text").parts().get(0).content();
            texts.add(Files.write(textDir.resolve(r.ticketId() + ".txt"), body));
        }
        gnupg = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        gpg("--quick-gen-key", "CERT-Bench <" + TEAM + ">", "ed25519", "sign", "never");
    }

    @Benchmark
    public long liaisonComposeAndSign1000() throws Exception {
        long bytes = 0;
        for (Report r : composer.group(composer.readEvents("bench", new ByteArrayInputStream(events)), options).reports()) {
            bytes += composer.compose(r, options).message().mime().length;
        }
        return bytes;
    }

    @Benchmark
    public long gpgClearsign1000() throws Exception {
        long bytes = 0;
        for (Path text : texts) {
            gpg("--yes", "--local-user", TEAM, "--clearsign", text.toString());
            bytes += Files.size(Path.of(text + ".asc"));
        }
        return bytes;
    }

    private void gpg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", gnupg.toString(), "--batch", "--no-tty",
                "--pinentry-mode", "loopback", "--passphrase", ""));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("gpg failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        new ProcessBuilder("gpgconf", "--homedir", gnupg.toString(), "--kill", "all").start().waitFor();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
