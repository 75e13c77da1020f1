package dev.weft.http;

import dev.weft.engine.ServerConfig;

/** A worker process for the processes model: serves {@link TestApp} on the given port with the test settings. */
public final class TestWorker {

    private TestWorker() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[0]))
                .limits(TestServers.LIMITS).worker(true).build();
        HttpServer server = HttpServer.start(config, TestServers.SETTINGS, new TestApp());
        server.awaitClosed();
        System.exit(0);
    }
}
