package liaison.directory.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on the loopback interface, for sources that read URLs. */
final class LocalHttp implements AutoCloseable {

    /** What to answer for a request URI: the body, or null for 404. */
    interface Handler {
        byte[] answer(URI request) throws IOException;
    }

    private final HttpServer server;
    final List<URI> requests = new CopyOnWriteArrayList<>();

    LocalHttp(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> respond(exchange, handler));
        server.start();
    }

    /** Serves the files of a directory (read at request time, so later changes are served). */
    static LocalHttp serving(Path dir) throws IOException {
        return new LocalHttp(uri -> {
            Path file = dir.resolve(uri.getPath().substring(1)).normalize();
            return file.startsWith(dir) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        });
    }

    static LocalHttp answering(Function<URI, byte[]> answers) throws IOException {
        return new LocalHttp(answers::apply);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void respond(HttpExchange exchange, Handler handler) throws IOException {
        requests.add(exchange.getRequestURI());
        byte[] body = handler.answer(exchange.getRequestURI());
        try (OutputStream out = exchange.getResponseBody()) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
