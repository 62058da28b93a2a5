package liaison.rdap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the shared corpus, read where they lie. */
final class Corpus {

    private Corpus() {
    }

    static Path path(String relative) {
        return Path.of(System.getProperty("liaison.corpus", "../../../shared/corpus")).resolve(relative);
    }

    static String read(String relative) throws IOException {
        return Files.readString(path(relative), StandardCharsets.UTF_8);
    }
}
