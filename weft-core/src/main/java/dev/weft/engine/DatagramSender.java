package dev.weft.engine;

import java.net.InetSocketAddress;

/** Sends datagrams from a server's own socket, so replies come from the port clients wrote to. */
@FunctionalInterface
public interface DatagramSender {

    /** Sends {@code data} as one datagram to {@code to}; failures are counted and logged, not thrown. */
    void send(byte[] data, InetSocketAddress to);
}
