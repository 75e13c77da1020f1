package dev.weft.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.http.HttpSettings;
import dev.weft.tls.Tls;

/**
 * One server per model for a test class's app, started on first use; workers run {@link AppWorker}. Built with a
 * TLS identity it serves HTTPS, and its client trusts that identity only.
 */
public final class AppServers implements AutoCloseable {

    static final Limits LIMITS = Limits.DEFAULT.withShutdownGrace(Duration.ofMillis(200));

    private final Class<? extends WebApp> app;
    private final Path dataDir;
    private final Map<String, WebServer> servers = new HashMap<>();
    private final Tls identity;
    private final List<String> pem;
    private final HttpClient client;

    public AppServers(Class<? extends WebApp> app) {
        this(app, null);
    }

    /** Servers whose apps keep their data under {@code dataDir}, a folder per model (null: the app's default). */
    public AppServers(Class<? extends WebApp> app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
        this.identity = null;
        this.pem = List.of();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Serves HTTPS with {@code identity}; worker processes read it from PEM files written into {@code keys}. */
    public AppServers(Class<? extends WebApp> app, Tls identity, Path keys) throws IOException {
        this.app = app;
        this.dataDir = null;
        this.identity = identity;
        Path cert = keys.resolve("cert.pem");
        Path key = keys.resolve("key.pem");
        identity.writePem(cert, key);
        this.pem = List.of(cert.toString(), key.toString());
        // the default version offers h2 and http/1.1 by ALPN, as browsers do; the server must pick http/1.1
        this.client = HttpClient.newBuilder().sslContext(identity.trustingClientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The data folder of the server for {@code model}, or null. */
    public Path dataDir(Model model) {
        return dataDir == null ? null : dataDir.resolve(model.spec().replace(':', '-'));
    }

    public synchronized int port(Model model) throws IOException {
        WebServer server = servers.get(model.spec());
        if (server == null) {
            ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(model).limits(LIMITS)
                    .tls(identity == null ? null : identity.serverContext())
                    .workerCommand(WorkerCommand.java(AppWorker.class.getName(), port -> {
                        List<String> args = new ArrayList<>(List.of(app.getName(), Integer.toString(port),
                                dataDir == null ? "-" : dataDir(model).toString()));
                        args.addAll(pem);
                        return args;
                    }))
                    .build();
            server = newApp(app, dataDir(model)).start(config, HttpSettings.DEFAULT);
            servers.put(model.spec(), server);
        }
        return server.port();
    }

    /** Stops the server for {@code model}; the next request starts a new one on the same data folder. */
    public synchronized void stop(Model model) {
        WebServer server = servers.remove(model.spec());
        if (server != null) {
            server.close();
        }
    }

    static Web newApp(Class<? extends WebApp> app, Path dataDir) {
        try {
            Web web = Weft.http();
            if (dataDir != null) {
                web.dataDir(dataDir);
            }
            return web.routes(app.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + app.getName(), e);
        }
    }

    public HttpResponse<String> send(Model model, HttpRequest.Builder request, String path) throws Exception {
        URI uri = URI.create((identity == null ? "http" : "https") + "://127.0.0.1:" + port(model) + path);
        return client.send(request.uri(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(Model model, String path) throws Exception {
        return send(model, HttpRequest.newBuilder().GET(), path);
    }

    public HttpResponse<String> post(Model model, String path, String contentType, String body) throws Exception {
        return send(model, HttpRequest.newBuilder().header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(WebServer::close);
        servers.clear();
        client.close();
    }
}
