package liaison.whois;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import liaison.api.InputException;
import liaison.rpsl.RpslParser;

/**
 * An RFC 3912 client on Apache Commons Net's {@link org.apache.commons.net.whois.WhoisClient}: connects,
 * sends one query line, reads until the server closes, decodes. Every exchange is bounded by
 * {@link WhoisLimits}; failures name the server and what happened, never hang.
 */
public final class WhoisClient {

    private static final int CHUNK = 8192;

    /**
     * Sends one query and returns the decoded answer.
     *
     * @param server   the logical server (named in messages and in the response)
     * @param address  where to connect (the server itself, or what an endpoint mapping says)
     * @param query    the query line, without CR LF
     * @param charset  the answer's charset, or null to guess (UTF-8 if valid, else ISO-8859-1);
     *                 ISO-2022-JP is recognised by its escape sequences whatever is declared
     * @throws WhoisException when the exchange failed or broke a limit
     * @throws InputException when the answer's bytes are invalid in the charset
     */
    public WhoisResponse fetch(WhoisServer server, InetSocketAddress address, String query, Charset charset,
            WhoisLimits limits) throws WhoisException, InputException {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        byte[] bytes = exchange(server, address, query, limits, deadline);
        String text = RpslParser.decode(server.toString(), bytes, charset);
        return new WhoisResponse(server, query, text, Instant.now(), false);
    }

    private static byte[] exchange(WhoisServer server, InetSocketAddress address, String query, WhoisLimits limits,
            long deadline) throws WhoisException {
        org.apache.commons.net.whois.WhoisClient client = new org.apache.commons.net.whois.WhoisClient();
        client.setConnectTimeout(millis(limits.connectTimeout().toNanos()));
        client.setDefaultTimeout(millis(Math.min(limits.readTimeout().toNanos(), remaining(deadline))));
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        boolean deadlineBound = false; // whether the pending read waits for the deadline rather than the read timeout
        try {
            if (address.isUnresolved()) {
                client.connect(address.getHostString(), address.getPort());
            } else {
                client.connect(address.getAddress(), address.getPort());
            }
            // Queries are ASCII (addresses, AS numbers, handles) or IDNA-encoded domain names.
            InputStream in = client.getInputStream(false, query, StandardCharsets.UTF_8.name());
            byte[] buffer = new byte[CHUNK];
            while (true) {
                long left = remaining(deadline);
                if (left <= 0) {
                    throw new WhoisException(server + " did not finish its answer within " + limits.deadline().toSeconds()
                            + " s (" + answer.size() + " bytes received)", false, null);
                }
                deadlineBound = left < limits.readTimeout().toNanos();
                client.setSoTimeout(millis(Math.min(limits.readTimeout().toNanos(), left)));
                int n = in.read(buffer);
                if (n < 0) {
                    return answer.toByteArray();
                }
                if (answer.size() + n > limits.maxAnswerBytes()) {
                    throw new WhoisException(server + " sent more than " + limits.maxAnswerBytes()
                            + " bytes; the answer was refused", false, null);
                }
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (!client.isConnected()) {
                throw new WhoisException("cannot connect to " + server + describe(address, server) + " within "
                        + limits.connectTimeout().toSeconds() + " s", true, e);
            }
            boolean whole = deadlineBound || remaining(deadline) <= 0;
            throw new WhoisException(server + (whole ? " did not finish its answer" : " stopped sending") + " within "
                    + (whole ? limits.deadline() : limits.readTimeout()).toSeconds() + " s (" + answer.size() + " bytes received)",
                    false, e);
        } catch (java.net.UnknownHostException e) {
            throw new WhoisException("cannot resolve the whois host " + e.getMessage(), true, e);
        } catch (ConnectException e) {
            throw new WhoisException("cannot connect to " + server + describe(address, server) + ": " + e.getMessage(), true, e);
        } catch (SocketException e) {
            throw new WhoisException(server + " broke the connection after " + answer.size() + " bytes: " + e.getMessage(),
                    true, e);
        } catch (IOException e) {
            throw new WhoisException("whois exchange with " + server + " failed: " + e.getMessage(), true, e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException e) {
                // closing a socket the server already dropped; nothing to report
            }
        }
    }

    private static String describe(InetSocketAddress address, WhoisServer server) {
        String actual = address.getHostString() + ":" + address.getPort();
        return actual.equals(server.host() + ":" + server.port()) ? "" : " (at " + actual + ")";
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }
}
