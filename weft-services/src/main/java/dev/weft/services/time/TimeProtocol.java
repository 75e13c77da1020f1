package dev.weft.services.time;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Protocol;
import dev.weft.engine.Transport;
import dev.weft.services.line.LineFramer;
import dev.weft.services.line.LineTooLongException;

/**
 * The TCP time service, event-driven like seed 003's Twisted server: one reply per line, the line's
 * terminator kept. A client that sends a message without a newline and waits (seed 003's socket client)
 * is answered once it has been silent for the pause; a line completed before then cancels that timer.
 * All replies to one read go out in one write, so a burst of lines costs one write, in order.
 */
final class TimeProtocol implements Protocol {

    private static final Logger log = LoggerFactory.getLogger(TimeProtocol.class);

    private final Timestamp stamp;
    private final Duration pause;
    private final LineFramer framer;
    private Transport transport;
    private Transport.Cancellable pending;

    TimeProtocol(Timestamp stamp, Duration pause, int maxLineLength) {
        this.stamp = stamp;
        this.pause = pause;
        this.framer = new LineFramer(maxLineLength);
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        log.debug("time: connection from {}", transport.remoteAddress());
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        cancelPending();
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        try {
            framer.feed(data, line -> stamp.stampTo(replies, line));
        } catch (LineTooLongException e) {
            replies.writeBytes(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.US_ASCII));
            transport.write(replies.toByteArray());
            transport.close();
            log.debug("time: closing {}: {}", transport.remoteAddress(), e.getMessage());
            return;
        }
        if (replies.size() > 0) {
            transport.write(replies.toByteArray());
        }
        if (framer.hasPartial()) {
            pending = transport.schedule(pause, this::answerPartial);
        }
    }

    /** The client paused in the middle of a line: it is waiting for a reply to what it sent. */
    private void answerPartial() {
        pending = null;
        if (framer.hasPartial()) {
            transport.write(stamp.stamp(framer.takePartial()));
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        cancelPending();
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
