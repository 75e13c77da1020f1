package dev.weft.services.files;

/**
 * A server to talk to, from {@code HOST}, {@code HOST:PORT}, {@code [V6]:PORT} or a bare IPv6 literal.
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("missing host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }

    /**
     * Parses {@code HOST[:PORT]}.
     *
     * @throws IllegalArgumentException naming {@code text} when the port is not a number or a bracket is unclosed
     */
    public static Endpoint parse(String text, int defaultPort) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in address '" + text + "'");
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("expected ':PORT' after ']' in address '" + text + "'");
            }
            return new Endpoint(text.substring(1, close), rest.isEmpty() ? defaultPort : port(rest.substring(1), text));
        }
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            return new Endpoint(text, defaultPort);
        }
        return new Endpoint(text.substring(0, colon), port(text.substring(colon + 1), text));
    }

    private static int port(String port, String text) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + port + "' in address '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
