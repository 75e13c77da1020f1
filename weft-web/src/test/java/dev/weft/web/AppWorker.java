package dev.weft.web;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpSettings;

/** A worker process of the processes model: serves the app class named in args[0] on port args[1], its data in args[2] if given. */
public final class AppWorker {

    private AppWorker() {
    }

    public static void main(String[] args) throws Exception {
        Class<? extends WebApp> app = Class.forName(args[0]).asSubclass(WebApp.class);
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[1]))
                .limits(AppServers.LIMITS).worker(true).build();
        WebServer server = AppServers.newApp(app, args.length > 2 ? java.nio.file.Path.of(args[2]) : null)
                .start(config, HttpSettings.DEFAULT);
        server.awaitClosed();
        System.exit(0);
    }
}
