package dev.weft.services.chat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Someone to chat with: a HOST:PORT as the user typed it, resolved once to the address datagrams go to
 * and come from.
 *
 * @param spec    what the user typed, e.g. {@code localhost:9090} or {@code [::1]:9090}
 * @param address the resolved address
 */
public record Peer(String spec, InetSocketAddress address) {

    public Peer {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(address, "address");
    }

    /**
     * Parses and resolves {@code HOST:PORT}; an IPv6 literal goes in brackets ({@code [::1]:9090}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Peer parse(String spec) {
        String value = spec == null ? "" : spec.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("bad peer '" + value + "': expected HOST:PORT, e.g. 192.168.1.20:8080");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("bad peer '" + value + "': write an IPv6 address in brackets, e.g. [::1]:8080");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad peer '" + value + "': the port is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("bad peer '" + value + "': port must be between 1 and 65535");
        }
        try {
            return new Peer(value, new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad peer '" + value + "': unknown host " + host);
        }
    }

    /** This peer's address as weft prints it. */
    public String label() {
        return label(address);
    }

    /** {@code 127.0.0.1:9090}, or {@code [::1]:9090} for IPv6. */
    public static String label(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host + ":" + address.getPort();
    }
}
