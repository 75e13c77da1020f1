package dev.weft.bench;

import java.util.Locale;

/**
 * One server configuration under test: weft under one concurrency model or its default, or a peer in one of
 * its configurations (Netty's event loops, nginx's worker processes).
 *
 * @param peer    which server
 * @param model   weft's model spelling (e.g. {@code event-loop:1}); null for weft's default (started with no
 *                {@code --model}, as {@code weft serve} runs) and for the peers
 * @param workers Netty's event loops or nginx's worker processes; 0 for the peer's own default, and for the
 *                servers without such a setting
 */
public record Contender(Peer peer, String model, int workers) {

    /** weft as a user gets it, with no {@code --model}: the reference every ratio and goal is taken on. */
    public static final Contender WEFT_DEFAULT = new Contender(Peer.WEFT, null, 0);

    public Contender {
        if (workers < 0) {
            throw new IllegalArgumentException("workers cannot be negative, not " + workers);
        }
        if (model != null && peer != Peer.WEFT) {
            throw new IllegalArgumentException(peer.id() + " has no concurrency model");
        }
    }

    /** A peer in its one configuration, or in its default one. */
    public static Contender of(Peer peer) {
        return new Contender(peer, null, 0);
    }

    public static Contender weft(String model) {
        return new Contender(Peer.WEFT, model, 0);
    }

    /** Netty with {@code loops} event loops in its worker group, 0 for its default (2 x cores). */
    public static Contender netty(int loops) {
        return new Contender(Peer.NETTY, null, loops);
    }

    /** nginx with {@code workers} worker processes. */
    public static Contender nginx(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("nginx needs at least 1 worker, not " + workers);
        }
        return new Contender(Peer.NGINX, null, workers);
    }

    /**
     * The name in reports: {@code weft (default)}, {@code weft (event-loop:1)}, {@code netty (1 loop)},
     * {@code netty (default: 4 loops)}, {@code nginx (2 workers)}, {@code jetty}.
     */
    public String name() {
        return switch (peer) {
            case WEFT -> "weft (" + (model == null ? "default" : model) + ")";
            case NETTY -> workers == 0 ? "netty (default: " + plural(nettyDefaultLoops(), "loop") + ")"
                    : "netty (" + plural(workers, "loop") + ")";
            case NGINX -> "nginx (" + plural(workers, "worker") + ")";
            default -> peer.id();
        };
    }

    /** A name without spaces or parentheses, for log files. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public boolean isWeft() {
        return peer == Peer.WEFT;
    }

    /** Whether this server is run with TLS beside plain HTTP: weft's default and nginx. */
    public boolean servesTls() {
        return equals(WEFT_DEFAULT) || peer == Peer.NGINX;
    }

    /** Whether this server answers {@code endpoint}. */
    public boolean serves(Endpoint endpoint) {
        return !endpoint.tls() || servesTls();
    }

    /** Netty's default event loop count: twice the cores the JVM sees ({@code NettyRuntime.availableProcessors() * 2}). */
    static int nettyDefaultLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() * 2);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
