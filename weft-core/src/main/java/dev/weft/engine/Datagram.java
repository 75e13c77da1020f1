package dev.weft.engine;

import java.net.InetSocketAddress;

/**
 * One UDP datagram as received.
 *
 * @param sender    where it came from (replies go here)
 * @param data      its payload, at most {@link Limits#maxDatagram()} bytes
 * @param truncated true when the datagram was longer than the limit and was cut
 * @param sequence  the order it was read from the server's socket, from 0 with no gaps; handlers run
 *                  concurrently under most models, so a service that must keep arrival order (chat)
 *                  restores it from this. -1 for a datagram made by hand.
 */
public record Datagram(InetSocketAddress sender, byte[] data, boolean truncated, long sequence) {

    /** A datagram that was not read from a socket (tests, adapters): it has no place in a receive order. */
    public Datagram(InetSocketAddress sender, byte[] data, boolean truncated) {
        this(sender, data, truncated, -1);
    }
}
