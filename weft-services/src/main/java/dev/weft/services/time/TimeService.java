package dev.weft.services.time;

import java.time.Duration;
import java.util.Arrays;

import dev.weft.engine.DatagramHandler;
import dev.weft.engine.ProtocolFactory;

/**
 * The timestamp service of seed 003: every message comes back with the server's time in front of it,
 * over TCP ({@link TimeProtocol}) or UDP (one reply datagram per request).
 */
public final class TimeService {

    /** The port seed 003 uses. */
    public static final int DEFAULT_PORT = 13001;

    /** How long a client may pause in the middle of a line before what it sent is answered. */
    public static final Duration DEFAULT_PAUSE = Duration.ofMillis(100);

    /** The largest UDP payload over IPv4, so a reply is never refused for its size. */
    static final int MAX_REPLY_DATAGRAM = 65_507;

    private TimeService() {
    }

    /**
     * The TCP service.
     *
     * @param pause         how long a partial line waits for its newline before it is answered as it is
     * @param maxLineLength the longest line accepted; a longer one gets an error line and the connection closes
     */
    public static ProtocolFactory tcp(Timestamp stamp, Duration pause, int maxLineLength) {
        if (pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("pause must be positive, not " + pause);
        }
        return () -> new TimeProtocol(stamp, pause, maxLineLength);
    }

    /** The TCP service in one of seed 003's styles ({@link TimeStyle}). */
    public static ProtocolFactory tcp(Timestamp stamp, Duration pause, int maxLineLength, TimeStyle style) {
        return style.factory(stamp, maxLineLength, tcp(stamp, pause, maxLineLength));
    }

    /** The UDP service: one reply datagram to the sender per datagram, cut to the largest payload UDP carries. */
    public static DatagramHandler udp(Timestamp stamp) {
        return (datagram, sender) -> {
            byte[] reply = stamp.stamp(datagram.data());
            sender.send(reply.length > MAX_REPLY_DATAGRAM ? Arrays.copyOf(reply, MAX_REPLY_DATAGRAM) : reply, datagram.sender());
        };
    }
}
