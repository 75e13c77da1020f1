package dev.weft.services.files;

import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;

/** A worker process of the processes model in tests: serves DIR on PORT until the supervisor goes away. */
public final class FilesTestWorker {

    private FilesTestWorker() {
    }

    /** Arguments: DIR UPLOADS(true|false) PORT. */
    public static void main(String[] args) throws Exception {
        SharedDirectory share = SharedDirectory.open(Path.of(args[0]), Boolean.parseBoolean(args[1]));
        ServerConfig config = ServerConfig.builder("files").bind("127.0.0.1", Integer.parseInt(args[2])).worker(true).build();
        TcpServer.start(config, FilesService.create(share)).awaitClosed();
        System.exit(0);
    }
}
