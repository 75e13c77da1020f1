package dev.weft.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as both text and bytes: commands print lines through it as a {@link PrintWriter}, and a body
 * ({@code weft get}, {@code -o -}) goes to the byte stream under it unchanged, so a binary file arrives intact.
 */
final class ByteWriter extends PrintWriter {

    private final OutputStream bytes;

    ByteWriter(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        this.bytes = bytes;
    }

    /**
     * The bytes under {@code out} (its text flushed first). A plain writer (a test's) gets the bytes decoded as
     * UTF-8 when the stream is closed.
     */
    static OutputStream bytes(PrintWriter out) {
        out.flush();
        if (out instanceof ByteWriter writer) {
            return writer.bytes;
        }
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                out.print(toString(StandardCharsets.UTF_8));
                out.flush();
                reset();
            }
        };
    }
}
