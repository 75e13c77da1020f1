package dev.weft.services.time;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.weft.engine.Protocol;
import dev.weft.engine.ProtocolFactory;
import dev.weft.engine.Transport;
import dev.weft.services.line.LineFramer;
import dev.weft.services.line.LineTooLongException;

/**
 * The reply bytes and connection behaviour of seed 003's three timestamp servers, so its clients (and scripts written
 * against them) see what the seed's own server would send.
 */
public enum TimeStyle {
    /** weft's own: {@code [time]: line} for each line, the connection kept open ({@link TimeProtocol}). */
    WEFT,
    /**
     * socketserver.StreamRequestHandler: {@code wfile.write(f"{ctime()}".encode() + rfile.readline())}, i.e. the time
     * and the first line with its terminator, no separator; then the handler returns and the connection closes.
     */
    SOCKETSERVER,
    /**
     * Twisted's Protocol.dataReceived: {@code transport.write(f"{ctime()},{data}".encode())} for each read, where
     * {@code data} prints as Python shows bytes ({@code b'hi\r\n'}); the connection stays open.
     */
    TWISTED;

    /** The TCP service in this style (WEFT takes {@code weft}, the others ignore it). */
    ProtocolFactory factory(Timestamp stamp, int maxLineLength, ProtocolFactory weft) {
        return switch (this) {
            case WEFT -> weft;
            case SOCKETSERVER -> () -> new OneLine(stamp, maxLineLength);
            case TWISTED -> () -> new EachRead(stamp);
        };
    }

    /** Python's {@code repr()} of a bytes object: {@code b'...'}, or {@code b"..."} when it holds ' and no ". */
    static String pythonRepr(byte[] data) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : data) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder("b").append(quote);
        for (byte b : data) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(quote);
                    } else if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** SocketServer style: answers the first line, then closes (a partial line at close is answered as readline would). */
    private static final class OneLine implements Protocol {
        private final Timestamp stamp;
        private final LineFramer framer;
        private Transport transport;
        private boolean answered;

        OneLine(Timestamp stamp, int maxLineLength) {
            this.stamp = stamp;
            this.framer = new LineFramer(maxLineLength);
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (answered) {
                return;
            }
            try {
                framer.feed(data, line -> {
                    if (!answered) {
                        answered = true;
                        ByteArrayOutputStream reply = new ByteArrayOutputStream();
                        reply.writeBytes(stamp.time());
                        reply.writeBytes(line);
                        transport.write(reply.toByteArray());
                        transport.close();
                    }
                });
            } catch (LineTooLongException e) {
                answered = true;
                transport.write(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.US_ASCII));
                transport.close();
            }
        }
    }

    /** Twisted style: one reply per read, the read's bytes shown as Python shows them. */
    private static final class EachRead implements Protocol {
        private final Timestamp stamp;
        private Transport transport;

        EachRead(Timestamp stamp) {
            this.stamp = stamp;
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            reply.writeBytes(stamp.time());
            reply.writeBytes(("," + pythonRepr(bytes)).getBytes(StandardCharsets.UTF_8));
            transport.write(reply.toByteArray());
        }
    }
}
