package dev.weft.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a server keeps whatever its clients do.
 *
 * @param maxConnections connections open at once; beyond it a new connection gets the overload reply and is closed
 * @param idleTimeout    how long a connection may stay silent before it is closed
 * @param maxLineLength  the longest line or frame a line-based service accepts
 * @param maxDatagram    the largest UDP payload read whole; longer ones are truncated
 * @param shutdownGrace  how long in-flight work may run on after shutdown starts
 * @param handshakeTimeout how long a TLS handshake may take in all, however the client drips its bytes; the limit
 *                       applied is the shorter of this and the idle timeout ({@link #tlsHandshakeLimit()})
 */
public record Limits(int maxConnections, Duration idleTimeout, int maxLineLength, int maxDatagram, Duration shutdownGrace,
                     Duration handshakeTimeout) {

    public static final Limits DEFAULT = new Limits(10_000, Duration.ofSeconds(60), 64 * 1024, 65_507, Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    public Limits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be at least 1, not " + maxLineLength);
        }
        if (maxDatagram < 1 || maxDatagram > 65_507) {
            throw new IllegalArgumentException("maxDatagram must be between 1 and 65507, not " + maxDatagram);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive, not " + handshakeTimeout);
        }
    }

    /** The time a TLS handshake may take: the handshake timeout, or the idle timeout if that is shorter. */
    public Duration tlsHandshakeLimit() {
        return handshakeTimeout.compareTo(idleTimeout) < 0 ? handshakeTimeout : idleTimeout;
    }

    public Limits withMaxConnections(int n) {
        return new Limits(n, idleTimeout, maxLineLength, maxDatagram, shutdownGrace, handshakeTimeout);
    }

    public Limits withIdleTimeout(Duration d) {
        return new Limits(maxConnections, d, maxLineLength, maxDatagram, shutdownGrace, handshakeTimeout);
    }

    public Limits withMaxLineLength(int n) {
        return new Limits(maxConnections, idleTimeout, n, maxDatagram, shutdownGrace, handshakeTimeout);
    }

    public Limits withMaxDatagram(int n) {
        return new Limits(maxConnections, idleTimeout, maxLineLength, n, shutdownGrace, handshakeTimeout);
    }

    public Limits withHandshakeTimeout(Duration d) {
        return new Limits(maxConnections, idleTimeout, maxLineLength, maxDatagram, shutdownGrace, d);
    }

    public Limits withShutdownGrace(Duration d) {
        return new Limits(maxConnections, idleTimeout, maxLineLength, maxDatagram, d, handshakeTimeout);
    }
}
