package dev.weft.tools.regex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text as lines into one reusable char buffer, so a file of any size takes the memory of its longest
 * line: each line is handed over as a slice of the buffer, never as a String. Invalid bytes become U+FFFD (and are
 * counted, so the caller can say so once); a NUL in the first block marks the input as binary, as grep decides.
 */
public final class LineReader {

    /** What to do with each line: the buffer, the line's bounds (newline excluded), its number from 1. */
    @FunctionalInterface
    public interface LineHandler {
        void line(char[] buffer, int start, int end, long number) throws IOException;
    }

    private static final int BLOCK = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long invalidBytes;
    private long firstInvalidAt = -1;
    private long bytesDecoded;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Bytes that were not UTF-8 (each became U+FFFD). */
    public long invalidBytes() {
        return invalidBytes;
    }

    /** The byte offset of the first invalid byte, or -1. */
    public long firstInvalidAt() {
        return firstInvalidAt;
    }

    /** Whether the input starts like a binary file (a NUL byte in its first 64 KiB); reads that much. */
    public static boolean looksBinary(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands every line to {@code handler}; {@code head} holds bytes already read from the stream (for the binary
     * test). A last line without a newline is a line too.
     */
    public void lines(byte[] head, int headLength, LineHandler handler) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(BLOCK);
        bytes.put(head, 0, headLength).flip();
        char[] chars = new char[BLOCK];
        int filled = 0;
        long number = 0;
        boolean eof = false;
        while (true) {
            CharBuffer out = CharBuffer.wrap(chars, filled, chars.length - filled);
            decode(bytes, out, eof);
            int decodedEnd = out.position();
            int lineStart = 0;
            for (int i = filled; i < decodedEnd; i++) {
                if (chars[i] == '\n') {
                    handler.line(chars, lineStart, i, ++number);
                    lineStart = i + 1;
                }
            }
            filled = decodedEnd - lineStart;
            System.arraycopy(chars, lineStart, chars, 0, filled);
            if (eof && !bytes.hasRemaining()) {
                if (filled > 0) {
                    handler.line(chars, 0, filled, ++number);
                }
                return;
            }
            if (filled > chars.length - BLOCK / 2) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    private void decode(ByteBuffer bytes, CharBuffer out, boolean eof) {
        while (true) {
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, out, eof);
            bytesDecoded += bytes.position() - before;
            if (result.isMalformed() || result.isUnmappable()) {
                if (out.remaining() < 1) {
                    return;
                }
                if (firstInvalidAt < 0) {
                    firstInvalidAt = bytesDecoded;
                }
                invalidBytes += result.length();
                bytesDecoded += result.length();
                bytes.position(bytes.position() + result.length());
                out.put('\uFFFD');
                continue;
            }
            if (eof && result.isUnderflow() && !bytes.hasRemaining()) {
                decoder.flush(out);
            }
            return;
        }
    }
}
