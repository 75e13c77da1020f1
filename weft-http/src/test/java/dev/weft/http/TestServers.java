package dev.weft.http;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;

/** One {@link TestApp} server per model, started on first use and shared by a test class. */
public final class TestServers implements AutoCloseable {

    static final Limits LIMITS = Limits.DEFAULT.withIdleTimeout(Duration.ofMillis(1500)).withShutdownGrace(Duration.ofMillis(200));
    static final HttpSettings SETTINGS = HttpSettings.DEFAULT.withMaxBodySize(1 << 20)
            .withHeaderTimeout(Duration.ofMillis(600));

    private final Map<String, HttpServer> servers = new HashMap<>();

    public synchronized HttpServer on(Model model) throws IOException {
        HttpServer server = servers.get(model.spec());
        if (server == null) {
            server = start(model, LIMITS);
            servers.put(model.spec(), server);
        }
        return server;
    }

    static HttpServer start(Model model, Limits limits) throws IOException {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(model).limits(limits)
                .workerCommand(WorkerCommand.java(TestWorker.class.getName(), port -> List.of(Integer.toString(port))))
                .build();
        return HttpServer.start(config, SETTINGS, new TestApp());
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(HttpServer::close);
        servers.clear();
    }
}
