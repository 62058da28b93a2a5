package liaison.directory.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import liaison.api.InputException;
import liaison.api.LiaisonException;

/**
 * Reading what a directory source points at: a local file or an http(s) URL, with bounded size and
 * time, and failures reported as {@link InputException} naming the location.
 */
public final class SourceInput {

    /** Larger answers are refused: the full TI and FIRST directories are a few MB. */
    public static final long MAX_BYTES = 64L << 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SourceInput() {
    }

    /** A location as typed: an absolute URI with a scheme, or a file path (relative to the working directory). */
    public static URI toUri(String location) {
        String s = location.strip();
        if (s.matches("(?i)(https?|file):.*")) {
            return URI.create(s);
        }
        return Path.of(s).toAbsolutePath().normalize().toUri();
    }

    /** How a location is shown in messages and provenance: the file path for files, else the URI. */
    public static String display(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    }

    /** Reads the whole content. */
    public static byte[] fetch(URI uri) throws LiaisonException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> readFile(uri);
            case "http", "https" -> readHttp(uri);
            default -> throw new InputException(uri.toString(), 0, 0, "unsupported location; give a file or an http(s) URL");
        };
    }

    private static byte[] readFile(URI uri) throws LiaisonException {
        Path p = Path.of(uri);
        try {
            if (Files.size(p) > MAX_BYTES) {
                throw new InputException(p.toString(), 0, 0, "larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new InputException(p.toString(), 0, 0, "no such file", e);
        } catch (IOException e) {
            throw new InputException(p.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readHttp(URI uri) throws LiaisonException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "Liaison directory sync")
                .header("Accept", "application/json, text/plain, */*").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InputException(uri.toString(), 0, 0, "HTTP status " + response.statusCode());
                }
                byte[] data = in.readNBytes((int) MAX_BYTES + 1);
                if (data.length > MAX_BYTES) {
                    throw new InputException(uri.toString(), 0, 0, "answer larger than " + (MAX_BYTES >> 20) + " MB");
                }
                return data;
            }
        } catch (HttpTimeoutException e) {
            throw new InputException(uri.toString(), 0, 0, "no answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new InputException(uri.toString(), 0, 0, "cannot connect", e);
        } catch (IOException e) {
            throw new InputException(uri.toString(), 0, 0, "cannot read: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted while reading " + uri, e);
        } finally {
            client.close();
        }
    }
}
