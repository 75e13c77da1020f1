package dev.weft.tools.news;

import java.time.Duration;

/**
 * Where and how to reach a news server: HOST[:PORT] (119, or 563 for NNTPS), TLS (implicit on 563, STARTTLS on
 * other ports), optional AUTHINFO credentials, and the time limit for each network wait.
 */
public record NewsServer(String host, int port, boolean tls, boolean insecure, String user, String password,
        Duration timeout) {

    public static final int NNTP_PORT = 119;
    public static final int NNTPS_PORT = 563;

    public NewsServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("news server has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("news server port out of range: " + port);
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("--user and --password go together");
        }
        if (insecure && !tls) {
            throw new IllegalArgumentException("--insecure only applies with --tls");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Parses HOST[:PORT] (IPv6 as [ADDR]:PORT); without a port, 563 with TLS and 119 without. */
    public static NewsServer parse(String address, boolean tls) {
        String host = address;
        int port = tls ? NNTPS_PORT : NNTP_PORT;
        int colon = address.lastIndexOf(':');
        boolean bracketed = address.startsWith("[");
        if (colon > 0 && (bracketed ? address.lastIndexOf(']') < colon : address.indexOf(':') == colon)) {
            host = address.substring(0, colon);
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in news server address: " + address);
            }
        }
        host = host.replaceAll("^\\[(.*)]$", "$1");
        return new NewsServer(host, port, tls, false, null, null, Duration.ofSeconds(30));
    }

    public NewsServer withLogin(String newUser, String newPassword) {
        return new NewsServer(host, port, tls, insecure, newUser, newPassword, timeout);
    }

    public NewsServer withInsecure(boolean accept) {
        return new NewsServer(host, port, tls, accept, user, password, timeout);
    }

    public NewsServer withTimeout(Duration limit) {
        return new NewsServer(host, port, tls, insecure, user, password, limit);
    }

    /** Implicit TLS (NNTPS) on port 563; STARTTLS elsewhere. */
    public boolean implicitTls() {
        return tls && port == NNTPS_PORT;
    }

    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return address();
    }
}
