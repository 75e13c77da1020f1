package dev.weft.tools.download;

import java.net.URI;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The idle connections of one run, by origin (scheme, host, port), so that many files from one server share a few
 * connections: a TLS handshake per file made 200 small https files 1.7 times slower than reusing connections. A fetch
 * takes one when it starts and gives it back when its body ended cleanly on a connection the server keeps open; at
 * most one per running fetch is ever idle. All are closed when the run ends.
 */
final class Connections implements AutoCloseable {

    private final Map<String, Deque<Wire>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An idle connection to {@code url}'s origin, or null. */
    Wire take(URI url) {
        Deque<Wire> wires = idle.get(origin(url));
        return wires == null ? null : wires.pollFirst();
    }

    /** Keeps {@code wire} for the next fetch from {@code url}'s origin (closes it when the run has ended). */
    void give(URI url, Wire wire) {
        idle.computeIfAbsent(origin(url), key -> new ConcurrentLinkedDeque<>()).offerFirst(wire);
        if (closed) {
            close();
        }
    }

    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public void close() {
        closed = true;
        for (Deque<Wire> wires : idle.values()) {
            for (Wire wire; (wire = wires.pollFirst()) != null; ) {
                wire.abort();
            }
        }
    }
}
