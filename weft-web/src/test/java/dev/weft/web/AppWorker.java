package dev.weft.web;

import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpSettings;
import dev.weft.tls.Tls;

/**
 * A worker process of the processes model: serves the app class named in args[0] on port args[1], its data in the
 * folder args[2] ({@code -} for the app's default), over TLS with the PEM certificate and key in args[3] and args[4]
 * when given.
 */
public final class AppWorker {

    private AppWorker() {
    }

    public static void main(String[] args) throws Exception {
        Class<? extends WebApp> app = Class.forName(args[0]).asSubclass(WebApp.class);
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[1]))
                .limits(AppServers.LIMITS).worker(true)
                .tls(args.length > 4 ? Tls.fromPem(Path.of(args[3]), Path.of(args[4])).serverContext() : null).build();
        WebServer server = AppServers.newApp(app, args[2].equals("-") ? null : Path.of(args[2]))
                .start(config, HttpSettings.DEFAULT);
        server.awaitClosed();
        System.exit(0);
    }
}
