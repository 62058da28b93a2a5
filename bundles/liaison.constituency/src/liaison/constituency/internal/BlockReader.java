package liaison.constituency.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads what {@link BlockWriter} wrote, sequentially, through one direct buffer (files of any size). */
final class BlockReader implements AutoCloseable {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final byte[] scratch = new byte[BlockWriter.NULL_STRING];

    BlockReader(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        buffer.limit(0);
    }

    /** True when every byte was read. */
    boolean atEnd() throws IOException {
        return !buffer.hasRemaining() && !fill(1, false);
    }

    private boolean fill(int n, boolean required) throws IOException {
        if (buffer.remaining() >= n) {
            return true;
        }
        buffer.compact();
        while (buffer.position() < n) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                if (required) {
                    throw new EOFException("unexpected end of index data");
                }
                return buffer.remaining() >= n;
            }
        }
        buffer.flip();
        return true;
    }

    int readByte() throws IOException {
        fill(1, true);
        return buffer.get() & 0xFF;
    }

    int readInt() throws IOException {
        fill(4, true);
        return buffer.getInt();
    }

    long readLong() throws IOException {
        fill(8, true);
        return buffer.getLong();
    }

    String readString() throws IOException {
        fill(2, true);
        int len = buffer.getShort() & 0xFFFF;
        if (len == BlockWriter.NULL_STRING) {
            return null;
        }
        fill(len, true);
        buffer.get(scratch, 0, len);
        return new String(scratch, 0, len, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
