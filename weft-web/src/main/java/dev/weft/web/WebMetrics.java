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
import io.prometheus.metrics.model.snapshots.Labels;

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
    private final WorkerMetrics peers;

    /** The figures of a process serving alone. */
    WebMetrics() {
        this(null);
    }

    /**
     * The figures of one worker of the processes model, labelled {@code worker="<pid>"}: {@code peers} publishes
     * them for the other workers and brings theirs into every scrape; null for a process serving alone.
     */
    WebMetrics(WorkerMetrics peers) {
        this.peers = peers;
        Labels worker = peers == null ? Labels.EMPTY : Labels.of("worker", Long.toString(ProcessHandle.current().pid()));
        requests = Counter.builder().name("weft_http_requests_total").constLabels(worker)
                .help("HTTP requests answered, by route template, method and status class")
                .labelNames("route", "method", "status").register(registry);
        latency = Histogram.builder().name("weft_http_request_duration_seconds").constLabels(worker)
                .help("Time from a parsed request to its response being ready, by route template")
                .labelNames("route").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        GaugeWithCallback.builder().name("weft_open_connections").constLabels(worker).help("Client connections open now")
                .callback(callback -> callback.call(snapshot().openConnections())).register(registry);
        CounterWithCallback.builder().name("weft_connections_accepted_total").constLabels(worker).help("Client connections accepted")
                .callback(callback -> callback.call(snapshot().acceptedTotal())).register(registry);
        CounterWithCallback.builder().name("weft_connections_rejected_total").constLabels(worker)
                .help("Client connections refused because the server was at its connection limit")
                .callback(callback -> callback.call(snapshot().rejectedTotal())).register(registry);
        CounterWithCallback.builder().name("weft_received_bytes_total").constLabels(worker).help("Bytes read from clients")
                .callback(callback -> callback.call(snapshot().bytesIn())).register(registry);
        CounterWithCallback.builder().name("weft_sent_bytes_total").constLabels(worker).help("Bytes written to clients")
                .callback(callback -> callback.call(snapshot().bytesOut())).register(registry);
        JvmMetrics.builder().constLabels(worker).register(registry);
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

    /** Everything, in the Prometheus text format (version 0.0.4); a worker's with its live peers' samples merged in. */
    HttpResponse response() throws IOException {
        String text = text();
        if (peers != null) {
            text = WorkerMetrics.merge(text, peers.others());
        }
        return HttpResponse.ok().header("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE)
                .header("Cache-Control", "no-store").body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** This process's own figures in the text format. */
    String text() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private ServerMetrics.Snapshot snapshot() {
        ServerMetrics metrics = engine.get();
        return metrics == null ? new ServerMetrics.Snapshot("", 0, 0, 0, 0, 0, 0, 0, 0) : metrics.snapshot();
    }
}
