package liaison.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A whois server on 127.0.0.1 (RFC 3912: one query line, the answer, close) whose answers come from a
 * {@link Responder}: recorded answers for tests against real registry data, or hostile behaviour
 * (endless output, a slow drip, a connection reset) for tests of the client's limits. Remembers every
 * query it received.
 */
public final class WhoisReplay implements AutoCloseable {

    /** Writes the answer to one query. */
    @FunctionalInterface
    public interface Responder {
        void respond(String query, OutputStream out, Socket socket) throws IOException, InterruptedException;
    }

    private final String name;
    private final ServerSocket server;
    private final Responder responder;
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Starts serving at once on an ephemeral loopback port.
     *
     * @param name the logical server this replays ({@code whois.ripe.net}), for the endpoints file
     */
    public WhoisReplay(String name, Responder responder) throws IOException {
        this(name, 0, responder);
    }

    /**
     * Starts serving at once on a loopback port.
     *
     * @param port the port, or 0 for an ephemeral one
     * @throws IOException when the port cannot be bound (in use)
     */
    public WhoisReplay(String name, int port, Responder responder) throws IOException {
        this.name = name;
        this.responder = responder;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        Thread.ofVirtual().name("whois replay " + name).start(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                workers.submit(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String query = in.readLine();
            if (query == null) {
                return;
            }
            arrivals.add(System.nanoTime());
            queries.add(query);
            OutputStream out = s.getOutputStream();
            responder.respond(query, out, s);
            out.flush();
        } catch (IOException e) {
            // the client gave up (as it should against hostile responders)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** {@code name = 127.0.0.1:port}, a line of an endpoints file. */
    public String endpointLine() {
        return name + " = 127.0.0.1:" + server.getLocalPort();
    }

    /** Every query line received, in order. */
    public List<String> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    /** When each query arrived ({@link System#nanoTime()}), in order. */
    public List<Long> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
