package dev.weft.tools.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A file server for download tests on 127.0.0.1, port 0 (the JDK's HttpServer). Every path serves seeded bytes whose
 * size is the {@code size} query parameter, honours {@code Range} and {@code If-Range}, and records the Range header of
 * every request. The first path segment picks a misbehaviour:
 * <ul>
 * <li>{@code /ok/NAME}: a well-behaved file;</li>
 * <li>{@code /status/CODE/NAME}: always answers CODE;</li>
 * <li>{@code /flaky/K/NAME}: 503 for the first K requests;</li>
 * <li>{@code /drop/K/NAME}: for the first K requests sends half of what is asked, then drops the connection;</li>
 * <li>{@code /norange/K/NAME}: like drop, but ignores Range (always the whole file, 200);</li>
 * <li>{@code /stall/NAME}: the first request sends half, then nothing until the server closes;</li>
 * <li>{@code /named/NAME}: sends {@code Content-Disposition: attachment; filename="NAME"}.</li>
 * </ul>
 */
final class TestFileServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ranges = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    TestFileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The bytes {@code path} serves when asked for {@code size} bytes. */
    static byte[] content(String path, int size) {
        byte[] bytes = new byte[size];
        new Random(path.hashCode()).nextBytes(bytes);
        return bytes;
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The Range header of each request to {@code path}, in order ("-" when there was none). */
    List<String> ranges(String path) {
        return ranges.getOrDefault(path, List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int count = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(range == null ? "-" : range);
            String[] segments = path.split("/");
            String query = exchange.getRequestURI().getQuery();
            int size = query != null && query.startsWith("size=") ? Integer.parseInt(query.substring(5)) : 1000;
            byte[] body = content(path, size);
            switch (segments[1]) {
                case "status" -> exchange.sendResponseHeaders(Integer.parseInt(segments[2]), -1);
                case "flaky" -> {
                    if (count <= Integer.parseInt(segments[2])) {
                        exchange.sendResponseHeaders(503, -1);
                    } else {
                        serve(exchange, body, true, false);
                    }
                }
                case "drop" -> serve(exchange, body, true, count <= Integer.parseInt(segments[2]));
                case "norange" -> serve(exchange, body, false, count <= Integer.parseInt(segments[2]));
                case "stall" -> {
                    if (count == 1) {
                        stall(exchange, body);
                    } else {
                        serve(exchange, body, true, false);
                    }
                }
                case "named" -> {
                    exchange.getResponseHeaders().add("Content-Disposition",
                            "attachment; filename=\"" + segments[2] + "\"");
                    serve(exchange, body, true, false);
                }
                default -> serve(exchange, body, true, false);
            }
        }
    }

    /** Sends {@code body} or the asked range of it; with {@code drop}, only half of that and then a dead connection. */
    private static void serve(HttpExchange exchange, byte[] body, boolean ranged, boolean drop) throws IOException {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        int start = 0;
        Matcher range = RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        if (ranged) {
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        }
        if (ranged && range.matches() && (ifRange == null || ifRange.equals(etag))) {
            start = Integer.parseInt(range.group(1));
            if (start >= body.length) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - start);
        } else {
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        }
        OutputStream out = exchange.getResponseBody();
        int end = drop ? start + (body.length - start) / 2 : body.length;
        out.write(body, start, end - start);
        out.flush();
        if (drop) { // the exchange closes short of its Content-Length, which makes the server cut the connection
            throw new IOException("dropping the connection on purpose after " + end + " bytes");
        }
    }

    private void stall(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
