package liaison.rdap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An RDAP client (RFC 9082, RFC 9083) on {@code java.net.http}: asks with
 * {@code Accept: application/rdap+json}, follows redirects itself (so each hop goes through the
 * caller's endpoint mapping too), refuses bodies over the size cap and gives up at the deadline.
 * HTTP 429 is reported with the server's {@code Retry-After}; the caller decides when to ask again.
 */
public final class RdapClient implements AutoCloseable {

    private static final String ACCEPT = "application/rdap+json, application/json;q=0.8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final RdapLimits limits;
    private final String userAgent;

    public RdapClient(RdapLimits limits, String userAgent) {
        this.limits = limits;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().connectTimeout(limits.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * GETs a URL and returns the body when the server answered 200.
     *
     * @param url       the logical URL ({@code https://rdap.db.ripe.net/ip/192.0.2.1})
     * @param endpoints maps a logical URL to where it is really served (identity when none)
     * @throws RdapException for transport failures, limits and HTTP errors (404: {@link RdapException#notFound()})
     */
    public RdapResponse get(URI url, UnaryOperator<URI> endpoints) throws RdapException {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        URI logical = url;
        for (int hop = 0;; hop++) {
            URI actual = endpoints.apply(logical);
            HttpResponse<byte[]> response = send(logical, actual, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new RdapException(logical + " answered HTTP " + status + " without a Location", status, null, false, null);
                }
                if (hop >= limits.maxRedirects()) {
                    throw new RdapException(url + ": more than " + limits.maxRedirects() + " redirects", status, null, false, null);
                }
                logical = logical.resolve(location.strip());
                continue;
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (status == 200) {
                return new RdapResponse(url, logical, body, Instant.now(), false);
            }
            throw error(logical, status, body, response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    private HttpResponse<byte[]> send(URI logical, URI actual, long deadline) throws RdapException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new RdapException(logical + " did not answer within " + limits.deadline().toSeconds() + " s", 0, null, false, null);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(actual).GET().header("Accept", ACCEPT).header("User-Agent", userAgent)
                    .timeout(Duration.ofNanos(left)).build();
        } catch (IllegalArgumentException e) {
            throw new RdapException("not an RDAP URL: " + actual, 0, null, false, e);
        }
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> new LimitedBody(limits.maxBodyBytes()));
        try {
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RdapException(logical + " did not answer within " + limits.deadline().toSeconds() + " s", 0, null, false, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RdapException("interrupted while asking " + logical, 0, null, false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BodyTooLarge) {
                throw new RdapException(logical + " sent more than " + limits.maxBodyBytes() + " bytes; the answer was refused",
                        0, null, false, cause);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new RdapException("cannot connect to " + logical.getHost() + describe(logical, actual) + " within "
                        + limits.connectTimeout().toSeconds() + " s", 0, null, true, cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new RdapException(logical + " did not answer within " + limits.deadline().toSeconds() + " s", 0, null, false, cause);
            }
            if (cause instanceof ConnectException) {
                throw new RdapException("cannot connect to " + logical.getHost() + describe(logical, actual), 0, null, true, cause);
            }
            throw new RdapException("RDAP request to " + logical + " failed: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), 0, null,
                    cause instanceof IOException, cause);
        }
    }

    private static String describe(URI logical, URI actual) {
        return logical.equals(actual) ? "" : " (at " + actual.getHost() + ":" + actual.getPort() + ")";
    }

    private static RdapException error(URI url, int status, String body, String retryAfter) {
        String detail = "";
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                String title = json.path("title").asText("");
                String description = json.path("description").isArray() && !json.path("description").isEmpty()
                        ? json.path("description").get(0).asText("") : "";
                detail = (title + (title.isEmpty() || description.isEmpty() ? "" : ": ") + description).strip();
            }
        } catch (IOException e) {
            // an error page that is not RDAP JSON: the status says enough
        }
        if (status == 429) {
            Duration wait = retryAfter(retryAfter);
            return new RdapException(url.getHost() + " is rate limiting Liaison (HTTP 429)"
                    + (wait == null ? "" : "; it asks to wait " + wait.toSeconds() + " s"), status, wait, true, null);
        }
        String message = url + " answered HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
        return new RdapException(message, status, null, status >= 500, null);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Reads JSON text, naming the input and the position of a syntax error. */
    public static JsonNode readJson(String input, String body) throws liaison.api.InputException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new liaison.api.InputException(input, 0, 0, "empty answer where RDAP JSON was expected");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new liaison.api.InputException(input, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects the body, cancelling the exchange as soon as it passes the size cap. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
