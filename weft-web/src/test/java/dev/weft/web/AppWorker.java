package dev.weft.web;

import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpSettings;
import dev.weft.tls.Tls;

/**
 * A worker process of the processes model: serves the app class named in args[0] on port args[1], over TLS with
 * the PEM certificate and key in args[2] and args[3] when given.
 */
public final class AppWorker {

    private AppWorker() {
    }

    public static void main(String[] args) throws Exception {
        Class<? extends WebApp> app = Class.forName(args[0]).asSubclass(WebApp.class);
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[1]))
                .limits(AppServers.LIMITS).worker(true)
                .tls(args.length > 3 ? Tls.fromPem(Path.of(args[2]), Path.of(args[3])).serverContext() : null).build();
        WebServer server = AppServers.newApp(app).start(config, HttpSettings.DEFAULT);
        server.awaitClosed();
        System.exit(0);
    }
}
