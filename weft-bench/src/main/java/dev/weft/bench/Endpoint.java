package dev.weft.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.weft.bench.servers.HelloApp;

/**
 * What the servers serve, the same bytes from each: the engine-level hello, the web-app route, two static files,
 * and the small file over TLS (only from the servers that speak it: weft's default and nginx).
 */
public enum Endpoint {
    HELLO("hello", "hello", "/hello", false),
    ROUTE("route", "hello route", HelloApp.PATH, false),
    STATIC_4K("static-4k", "static 4 KiB", "/static/" + BenchSite.FILE_4K, false),
    STATIC_1M("static-1m", "static 1 MiB", "/static/" + BenchSite.FILE_1M, false),
    HTTPS_4K("https-4k", "https static 4 KiB", "/static/" + BenchSite.FILE_4K, true);

    private final String id;
    private final String label;
    private final String path;
    private final boolean tls;

    Endpoint(String id, String label, String path, boolean tls) {
        this.id = id;
        this.label = label;
        this.path = path;
        this.tls = tls;
    }

    /** The spelling in {@code --loads}, e.g. {@code static-4k}. */
    public String id() {
        return id;
    }

    /** The name in reports, e.g. {@code hello route}. */
    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    /** Whether it is served over TLS 1.3 (keep-alive, the same certificate for every server). */
    public boolean tls() {
        return tls;
    }

    /**
     * Parses a {@code --loads} endpoint name.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted names
     */
    public static Endpoint parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + id + "' (expected one of "
                        + Arrays.stream(values()).map(Endpoint::id).collect(Collectors.joining(", ")) + ")"));
    }
}
