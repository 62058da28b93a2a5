package liaison.whois;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.InputException;

/** Recorded registry answers of the shared corpus, read where they lie. */
final class Recorded {

    private Recorded() {
    }

    static Path corpus(String relative) {
        return Path.of(System.getProperty("liaison.corpus", "../../../shared/corpus")).resolve(relative);
    }

    /** The raw whois answer ipwhois recorded for an address. */
    static String ipwhois(String address) throws IOException {
        return new ObjectMapper().readTree(corpus("ipwhois/whois.json").toFile()).path(address).path("response").asText();
    }

    static String file(String relative) throws IOException {
        return Files.readString(corpus(relative), StandardCharsets.UTF_8);
    }

    /** Reads an answer as if the server had sent it. */
    static WhoisAnswer answer(String server, String query, String text) throws InputException {
        WhoisServer s = WhoisServer.parse(server);
        return WhoisAnswers.parse(new WhoisResponse(s, query, text, Instant.now(), false), Registry.ofHost(s.host()));
    }
}
