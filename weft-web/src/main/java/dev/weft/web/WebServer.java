package dev.weft.web;

import java.net.InetSocketAddress;

import dev.weft.http.HttpServer;

/** A running web app: its address, the HTTP server underneath, and a graceful {@link #close()}. */
public final class WebServer implements AutoCloseable {

    private final HttpServer http;
    private final Runnable onClose;

    WebServer(HttpServer http, Runnable onClose) {
        this.http = http;
        this.onClose = onClose;
    }

    public int port() {
        return http.port();
    }

    public InetSocketAddress address() {
        return http.address();
    }

    public HttpServer http() {
        return http;
    }

    /** Blocks until the server is closed (by {@link #close()} or a shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        http.tcp().awaitClosed();
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            onClose.run();
        }
    }
}
