package dev.weft.gui;

import java.util.concurrent.atomic.LongAdder;

import dev.weft.engine.ServerMetrics;
import dev.weft.engine.TcpServer;

/**
 * A server the Servers tab started, and what its chart plots: open connections from the engine's metrics, and a
 * rate per second — HTTP requests for the HTTP server (counted from its access log), else accepted connections.
 *
 * @param requests HTTP requests answered so far, or null for the other services
 */
record RunningService(ServiceKind kind, TcpServer server, LongAdder requests) {

    /** The name of the rate the chart plots. */
    String rateName() {
        return requests != null ? "requests/s" : "connections/s";
    }

    /** The running total the rate is taken from. */
    long rateTotal() {
        return requests != null ? requests.sum() : server.metrics().snapshot().acceptedTotal();
    }

    ServerMetrics.Snapshot snapshot() {
        return server.metrics().snapshot();
    }
}
