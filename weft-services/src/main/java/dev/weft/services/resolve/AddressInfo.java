package dev.weft.services.resolve;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One entry of what getaddrinfo returns: an address to open a socket of this kind to.
 *
 * @param kind    stream, datagram or raw (which gives the protocol)
 * @param address the host's address
 * @param port    the port the service name or number gave (0 without one)
 */
public record AddressInfo(SocketKind kind, InetAddress address, int port) {

    /** {@code AF_INET} or {@code AF_INET6}, as Python names the family. */
    public String family() {
        return address instanceof Inet6Address ? "AF_INET6" : "AF_INET";
    }

    /** The address as text, IPv6 in its short form ({@code ::1}). */
    public String host() {
        return IpLiteral.format(address);
    }
}
