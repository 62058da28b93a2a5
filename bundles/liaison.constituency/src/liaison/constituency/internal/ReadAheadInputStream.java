package liaison.constituency.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source (a decompressing stream) on another thread into a few large chunks, so inflating
 * and parsing run on two cores at once. A failure of the source (a truncated gzip) is rethrown to
 * the reader at the point the data ends.
 */
final class ReadAheadInputStream extends InputStream {

    private static final int CHUNK = 4 << 20;
    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private record Chunk(byte[] data, int length, IOException failure) {
    }

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(3);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(5);
    private final Thread producer;
    private Chunk current;
    private int position;
    private boolean finished;
    private IOException failure;

    ReadAheadInputStream(InputStream source, String name) {
        for (int i = 0; i < 5; i++) {
            empty.add(new byte[CHUNK]);
        }
        producer = Thread.ofPlatform().daemon().name("liaison-read-ahead " + name).start(() -> produce(source));
    }

    private void produce(InputStream source) {
        try {
            while (true) {
                byte[] b = empty.take();
                int n = 0;
                int r = 0;
                IOException failure = null;
                try {
                    while (n < b.length && (r = source.read(b, n, b.length - n)) > 0) {
                        n += r;
                    }
                } catch (IOException e) {
                    failure = e;
                }
                if (n > 0) {
                    full.put(new Chunk(b, n, null)); // the data before a failure still counts for its position
                }
                if (failure != null) {
                    full.put(new Chunk(new byte[0], 0, failure));
                    return;
                }
                if (r < 0) {
                    full.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean next() throws IOException {
        if (failure != null) {
            throw failure; // every later read fails too: truncated data must never look like a clean end
        }
        if (finished) {
            return false;
        }
        if (current != null && current.length() > 0) {
            empty.offer(current.data());
        }
        try {
            current = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        position = 0;
        if (current.failure() != null) {
            failure = current.failure();
            throw failure;
        }
        if (current == END) {
            finished = true;
            return false;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || position == current.length()) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        producer.interrupt();
    }
}
