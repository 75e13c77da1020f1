package dev.weft.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import dev.weft.engine.ServerMetrics;
import dev.weft.http.HttpResponse;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * One app's figures for Prometheus, served at {@code /_weft/metrics} in the text exposition format: requests by
 * route template and status class, their latency, and the engine's counters (open connections, bytes in and out)
 * read from the same {@link ServerMetrics} as {@code /_weft/stats}, plus the JVM's. Route labels are the
 * templates ({@code /users/{id}}), never raw paths, so a crawler cannot grow the series without bound: a request
 * no route matched is {@code static} (served from files) or {@code unmatched}.
 */
final class WebMetrics {

    /** The route label of requests answered by the static files. */
    static final String STATIC = "static";
    /** The route label of requests no route or file matched (404, 405). */
    static final String UNMATCHED = "unmatched";
    private static final java.util.Set<String> METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicReference<ServerMetrics> engine = new AtomicReference<>();
    private final Counter requests;
    private final Histogram latency;

    WebMetrics() {
        requests = Counter.builder().name("weft_http_requests_total")
                .help("HTTP requests answered, by route template, method and status class")
                .labelNames("route", "method", "status").register(registry);
        latency = Histogram.builder().name("weft_http_request_duration_seconds")
                .help("Time from a parsed request to its response being ready, by route template")
                .labelNames("route").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        GaugeWithCallback.builder().name("weft_open_connections").help("Client connections open now")
                .callback(callback -> callback.call(snapshot().openConnections())).register(registry);
        CounterWithCallback.builder().name("weft_connections_accepted_total").help("Client connections accepted")
                .callback(callback -> callback.call(snapshot().acceptedTotal())).register(registry);
        CounterWithCallback.builder().name("weft_connections_rejected_total")
                .help("Client connections refused because the server was at its connection limit")
                .callback(callback -> callback.call(snapshot().rejectedTotal())).register(registry);
        CounterWithCallback.builder().name("weft_received_bytes_total").help("Bytes read from clients")
                .callback(callback -> callback.call(snapshot().bytesIn())).register(registry);
        CounterWithCallback.builder().name("weft_sent_bytes_total").help("Bytes written to clients")
                .callback(callback -> callback.call(snapshot().bytesOut())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    /** The engine whose connection and byte counters are exposed; zero until the app is started. */
    void engine(ServerMetrics metrics) {
        engine.set(metrics);
    }

    /** Counts one answered request. */
    void observe(String route, String method, int status, long nanos) {
        requests.labelValues(route, METHODS.contains(method) ? method : "other", CLASSES[Math.min(4, Math.max(0, status / 100 - 1))]).inc();
        latency.labelValues(route).observe(nanos / 1e9);
    }

    /** Everything, in the Prometheus text format (version 0.0.4). */
    HttpResponse response() throws IOException {
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        return HttpResponse.ok().header("Content-Type", writer.getContentType())
                .header("Cache-Control", "no-store").body(out.toByteArray());
    }

    private ServerMetrics.Snapshot snapshot() {
        ServerMetrics metrics = engine.get();
        return metrics == null ? new ServerMetrics.Snapshot("", 0, 0, 0, 0, 0, 0, 0, 0) : metrics.snapshot();
    }
}
