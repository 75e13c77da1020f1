package dev.weft.web;

import java.net.InetSocketAddress;

import dev.weft.http.HttpServer;

/** A running web app: its address, the HTTP server underneath, and a graceful {@link #close()}. */
public final class WebServer implements AutoCloseable {

    private final HttpServer http;

    WebServer(HttpServer http) {
        this.http = http;
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
        http.close();
    }
}
