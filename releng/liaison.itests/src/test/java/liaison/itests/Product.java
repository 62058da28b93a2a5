package liaison.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A copy of the materialized product, run as users run it: through its `liaison` script. */
final class Product implements AutoCloseable {

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    final Path home;
    final Path workspace;
    private String javaOptions = "";

    private Product(Path home, Path workspace) {
        this.home = home;
        this.workspace = workspace;
    }

    /** Copies the built product, so installing plugins never touches the build output. */
    static Product copy() throws IOException {
        Path built = Path.of(System.getProperty("liaison.product"));
        if (!Files.isExecutable(built.resolve("liaison"))) {
            throw new IllegalStateException("no built product at " + built);
        }
        Path dir = Files.createTempDirectory("liaison-product");
        Path home = dir.resolve("liaison");
        copyTree(built, home);
        return new Product(home, dir.resolve("data"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** JVM options for the product's processes ({@code LIAISON_JAVA_OPTS}), e.g. a trust store. */
    void javaOptions(String options) {
        javaOptions = options;
    }

    /** Runs {@code liaison --data <workspace> ARGS} and waits for it. */
    Result liaison(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("liaison").toString());
        command.add("--data");
        command.add(workspace.toString());
        command.addAll(List.of(args));
        return run(command, javaOptions.isEmpty() ? Map.of() : Map.of("LIAISON_JAVA_OPTS", javaOptions));
    }

    static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("liaison-out", ".txt");
        Path err = Files.createTempFile("liaison-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Decodes a quoted-printable body (RFC 2045): soft line breaks and {@code =XX} octets. */
    static String quotedPrintable(String encoded) {
        String joined = encoded.replace("=\r\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(home.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
