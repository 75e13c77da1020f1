package dev.weft.http.files;

import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;

/** A worker process for the processes model: serves the folder {@code args[1]} with listings on, port {@code args[0]}. */
public final class FileServerWorker {

    private FileServerWorker() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[0])).worker(true).build();
        HttpServer server = HttpServer.start(config, new FileServer(FileServerOptions.of(Path.of(args[1])).withListing(true)));
        server.awaitClosed();
        System.exit(0);
    }
}
