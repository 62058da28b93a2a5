package liaison.whoisd.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import liaison.api.LiaisonException;
import liaison.constituency.ConstituencyIndex;
import liaison.whoisd.WhoisServerConfig;
import liaison.whoisd.WhoisServerService.RunningServer;

/**
 * The RFC 3912 server: one query line per connection (more with {@code -k}), answered, then the
 * connection closes. A virtual thread serves each connection; limits per client address guard the
 * index from one noisy client.
 */
final class Server implements RunningServer {

    private static final int MAX_QUERY = 1024;

    private final ConstituencyIndex index;
    private final WhoisServerConfig config;
    private final ServerSocket socket;
    private final Responder responder;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);

    Server(ConstituencyIndex index, WhoisServerConfig config) throws LiaisonException {
        this.index = index;
        this.config = config;
        this.responder = new Responder(index);
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 128);
        } catch (IOException e) {
            throw new LiaisonException("cannot listen on " + config.bindAddress() + " port " + config.port() + ": " + e.getMessage(), e);
        }
        Thread.ofPlatform().daemon().name("liaison-whoisd-accept " + port()).start(this::accept);
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                // counted here, in accept order, so the limit refuses the newest connection; both counters
                // always count ('|', not '||') because serve() releases both
                AtomicInteger mine = perClient.computeIfAbsent(s.getInetAddress(), c -> new AtomicInteger());
                boolean over = open.incrementAndGet() > config.maxConnections()
                        | mine.incrementAndGet() > config.maxConnectionsPerClient();
                Thread.ofVirtual().name("liaison-whoisd " + s.getRemoteSocketAddress()).start(() -> serve(s, mine, over));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    break;
                }
            }
        }
        closed.countDown();
    }

    private void serve(Socket s, AtomicInteger mine, boolean overLimit) {
        InetAddress client = s.getInetAddress();
        connections.add(s);
        try (s; OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
            if (overLimit) {
                write(out, Responder.error(208, "exceeded maximum number of simultaneous connections",
                        "Too many connections from " + client.getHostAddress() + " or in all; try again later."));
                return;
            }
            s.setSoTimeout((int) config.idleTimeout().toMillis());
            boolean persistent = false;
            do {
                String line = readLine(in);
                if (line == null || persistent && line.isBlank()) {
                    return;
                }
                if (!buckets.computeIfAbsent(client, c -> new Bucket(config.queriesPerMinute())).take()) {
                    write(out, Responder.error(201, "access denied for " + client.getHostAddress(),
                            "Queries exceeded: at most " + config.queriesPerMinute() + " a minute."));
                    return;
                }
                String answer;
                try {
                    Query q = Query.parse(line);
                    if (q.has('k')) {
                        persistent = !persistent;
                        if (q.key().isEmpty() && q.info() == null) {
                            if (!persistent) {
                                return;
                            }
                            continue;
                        }
                    }
                    refreshIndex();
                    answer = responder.answer(q);
                } catch (Query.BadQuery e) {
                    answer = Responder.error(e.code, e.getMessage(), "See the RIPE Database query reference for the flags.");
                } catch (RuntimeException e) {
                    answer = Responder.error(100, "internal software error", "The index could not answer: " + e.getMessage());
                }
                write(out, Responder.header() + answer + Responder.footer());
            } while (persistent);
        } catch (SocketTimeoutException e) {
            // idle: the connection just closes
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(s);
            mine.decrementAndGet();
            open.decrementAndGet();
        }
    }

    /** A load may have published a new generation: checking is one small file read per query. */
    private void refreshIndex() {
        try {
            index.refresh();
        } catch (LiaisonException e) {
            // keep answering from the snapshot in hand
        }
    }

    /** One query line, CR LF or LF terminated; null at end of input; longer than allowed fails. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > MAX_QUERY) {
                throw new IOException("query longer than " + MAX_QUERY + " bytes");
            }
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** A token bucket: {@code perMinute} queries a minute, refilled continuously. */
    private static final class Bucket {
        private final double perMs;
        private final double capacity;
        private double tokens;
        private long at = System.currentTimeMillis();

        Bucket(int perMinute) {
            capacity = perMinute;
            tokens = perMinute;
            perMs = perMinute / 60_000.0;
        }

        synchronized boolean take() {
            long now = System.currentTimeMillis();
            tokens = Math.min(capacity, tokens + (now - at) * perMs);
            at = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
