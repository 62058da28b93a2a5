package liaison.whoisd;

import liaison.api.LiaisonException;
import liaison.constituency.ConstituencyIndex;

/**
 * Starts whois servers over constituency indexes. Contract: {@link #start} binds the socket before it
 * returns (port 0 picks a free port, see {@link RunningServer#port()}); each server answers until
 * closed, refreshing its index when a load publishes a new generation. Thread-safe.
 */
public interface WhoisServerService {

    RunningServer start(ConstituencyIndex index, WhoisServerConfig config) throws LiaisonException;

    /** A started server. */
    interface RunningServer extends AutoCloseable {

        /** The bound port. */
        int port();

        /** Blocks until the server is closed. */
        void awaitClose() throws InterruptedException;

        /** Stops accepting, closes open connections. */
        @Override
        void close();
    }
}
