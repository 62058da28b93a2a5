package liaison.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the replay servers of the recorded corpus outside OSGi, for end-to-end runs of the built
 * product: {@code java -cp ... liaison.replay.ReplayMain CORPUS ENDPOINTS-FILE [SETTINGS]} writes the
 * endpoints file and serves until killed.
 */
public final class ReplayMain {

    private ReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReplayMain CORPUS-DIR ENDPOINTS-FILE [politeness settings]");
            System.exit(2);
        }
        RecordedCorpus corpus = RecordedCorpus.start(Path.of(args[0]));
        Path endpoints = Path.of(args[1]);
        Path tmp = endpoints.resolveSibling(endpoints.getFileName() + ".tmp");
        Files.writeString(tmp, corpus.endpoints(args.length > 2 ? args[2] : ""), StandardCharsets.UTF_8);
        Files.move(tmp, endpoints, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("replay servers ready; endpoints in " + endpoints);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                corpus.close();
            } catch (java.io.IOException e) {
                // exiting anyway
            }
        }));
        new CountDownLatch(1).await();
    }
}
