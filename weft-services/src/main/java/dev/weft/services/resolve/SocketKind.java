package dev.weft.services.resolve;

/**
 * The socket types getaddrinfo lists for an address, with the protocol each implies, named as in
 * Python's socket module so the output reads like seed 003's.
 */
public enum SocketKind {

    SOCK_STREAM(6, "tcp"),
    SOCK_DGRAM(17, "udp"),
    SOCK_RAW(0, "");

    private final int protocol;
    private final String protocolName;

    SocketKind(int protocol, String protocolName) {
        this.protocol = protocol;
        this.protocolName = protocolName;
    }

    /** The IP protocol number: 6 for TCP, 17 for UDP, 0 for raw. */
    public int protocol() {
        return protocol;
    }

    /** The protocol's name in /etc/services ("tcp", "udp"), empty for raw. */
    public String protocolName() {
        return protocolName;
    }
}
