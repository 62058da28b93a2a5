package liaison.constituency.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends binary values to a file through one large direct buffer (little-endian, as the index is
 * read). Strings are written as a 16-bit length and ISO-8859-1 bytes; 0xFFFF stands for null.
 */
final class BlockWriter implements AutoCloseable {

    static final int NULL_STRING = 0xFFFF;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    BlockWriter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Bytes written so far: the offset of the next value. */
    long position() {
        return position;
    }

    private void room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
    }

    void writeByte(int v) throws IOException {
        room(1);
        buffer.put((byte) v);
        position++;
    }

    void writeInt(int v) throws IOException {
        room(4);
        buffer.putInt(v);
        position += 4;
    }

    void writeLong(long v) throws IOException {
        room(8);
        buffer.putLong(v);
        position += 8;
    }

    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
            position += n;
        }
    }

    /** Writes a large block straight to the file, without copying it through the buffer. */
    void writeRaw(byte[] b, int off, int len) throws IOException {
        flush();
        ByteBuffer block = ByteBuffer.wrap(b, off, len);
        while (block.hasRemaining()) {
            channel.write(block);
        }
        position += len;
    }

    void writeString(String s) throws IOException {
        if (s == null) {
            room(2);
            buffer.putShort((short) NULL_STRING);
            position += 2;
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        int len = Math.min(b.length, NULL_STRING - 1);
        room(2);
        buffer.putShort((short) len);
        position += 2;
        write(b, 0, len);
    }

    void writeInts(int[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            writeInt(values[i]);
        }
    }

    void writeLongs(long[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            writeLong(values[i]);
        }
    }

    /** Pads with zeros to a multiple of 8, so the next section can be read as aligned longs. */
    void align() throws IOException {
        while ((position & 7) != 0) {
            writeByte(0);
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Flushes and forces the bytes to disk, so a later rename publishes complete content. */
    void finish() throws IOException {
        flush();
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
