package dev.weft.services.time;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.weft.engine.StreamHandler;
import dev.weft.services.line.LineFramer;
import dev.weft.services.line.LineTooLongException;

/**
 * The time service written the second way, against the engine's blocking API, as seed 003's SocketServer
 * version is written against StreamRequestHandler: read the client's lines from a stream, write each reply
 * back. It answers whole lines only (the seed's handler calls rfile.readline()); the event-driven
 * {@link TimeService#tcp} is the one weft serves, since it also answers clients that send no newline.
 * Shown working under every model by {@link SocketServerStyleTimeTest}.
 */
final class SocketServerStyleTime {

    private SocketServerStyleTime() {
    }

    static StreamHandler handler(Timestamp stamp, int maxLineLength) {
        return connection -> {
            InputStream in = connection.input();
            OutputStream out = connection.output();
            LineFramer framer = new LineFramer(maxLineLength);
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                ByteArrayOutputStream replies = new ByteArrayOutputStream();
                try {
                    framer.feed(ByteBuffer.wrap(buffer, 0, n), line -> stamp.stampTo(replies, line));
                } catch (LineTooLongException e) {
                    replies.writeBytes(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(replies.toByteArray());
                    return;
                }
                out.write(replies.toByteArray());
            }
        };
    }
}
