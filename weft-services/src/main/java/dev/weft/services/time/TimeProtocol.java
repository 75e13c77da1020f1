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
 * terminator kept. All replies to one read go out in one write, so a burst of lines costs one write, in order.
 * <p>
 * Seed 003's socket clients send a message without a newline and wait for the reply, so until a client
 * has ended a line with a newline, what it sent is answered once it has been silent for the pause (more
 * bytes before then restart the wait). A client that has sent a newline speaks in lines: from then on only
 * a newline ends a message, so a burst of lines that reaches the server in pieces, however slowly, is
 * never cut at a piece boundary.
 */
final class TimeProtocol implements Protocol {

    private static final Logger log = LoggerFactory.getLogger(TimeProtocol.class);

    private final Timestamp stamp;
    private final Duration pause;
    private final LineFramer framer;
    private Transport transport;
    private Transport.Cancellable pending;
    private long pendingId;
    private boolean speaksInLines;

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
            framer.feed(data, line -> {
                speaksInLines = true;
                stamp.stampTo(replies, line);
            });
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
        if (framer.hasPartial() && !speaksInLines) {
            long id = ++pendingId;
            pending = transport.schedule(pause, () -> answerPartial(id));
        }
    }

    /**
     * The client paused after a message without a newline: it is waiting for the reply. A timer that was
     * cancelled too late to stop it (it was already waiting its turn) finds its id stale and does nothing.
     */
    private void answerPartial(long id) {
        if (id != pendingId || !framer.hasPartial()) {
            return;
        }
        pending = null;
        transport.write(stamp.stamp(framer.takePartial()));
    }

    @Override
    public void connectionLost(Throwable cause) {
        cancelPending();
    }

    private void cancelPending() {
        pendingId++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
