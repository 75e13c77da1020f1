package dev.weft.engine;

import java.net.InetSocketAddress;

/**
 * One UDP datagram as received.
 *
 * @param sender    where it came from (replies go here)
 * @param data      its payload, at most {@link Limits#maxDatagram()} bytes
 * @param truncated true when the datagram was longer than the limit and was cut
 */
public record Datagram(InetSocketAddress sender, byte[] data, boolean truncated) {
}
