package dev.weft.http.files;

import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;

/** A worker process for the processes model: serves a folder (args: port, root, upload[, user:password]) like {@link FileServers}. */
public final class FileServerWorker {

    private FileServerWorker() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[0]))
                .limits(FileServers.LIMITS).worker(true).build();
        HttpServer server = HttpServer.start(config, FileServers.SETTINGS,
                new FileServer(FileServers.options(Path.of(args[1]), Boolean.parseBoolean(args[2]), args.length > 3 ? args[3] : null)));
        server.tcp().closeOnShutdown();
        server.awaitClosed();
        System.exit(0);
    }
}
