package dev.weft.http.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;

/** Starts a {@link FileServer} on loopback under a model; under processes each worker runs {@link FileServerWorker}. */
final class FileServers {

    static final Limits LIMITS = Limits.DEFAULT.withIdleTimeout(Duration.ofSeconds(3)).withHandshakeTimeout(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(3));
    static final HttpSettings SETTINGS = HttpSettings.DEFAULT.withHeaderTimeout(Duration.ofSeconds(1));

    private FileServers() {
    }

    /** Serves {@code root} with listing, and uploads that may replace files and make folders when {@code upload}. */
    static HttpServer start(Model model, Path root, boolean upload) throws IOException {
        return start(model, root, upload, null);
    }

    /** As {@link #start(Model, Path, boolean)}, with Basic authentication when {@code credentials} (user:password) is not null. */
    static HttpServer start(Model model, Path root, boolean upload, String credentials) throws IOException {
        List<String> extra = credentials == null ? List.of() : List.of(credentials);
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(model).limits(LIMITS)
                .workerCommand(WorkerCommand.java(FileServerWorker.class.getName(), port -> {
                    List<String> args = new java.util.ArrayList<>(List.of(Integer.toString(port), root.toString(), Boolean.toString(upload)));
                    args.addAll(extra);
                    return args;
                }))
                .build();
        return HttpServer.start(config, SETTINGS, new FileServer(options(root, upload, credentials)));
    }

    static FileServerOptions options(Path root, boolean upload, String credentials) {
        return FileServerOptions.of(root).withListing(true).withUpload(upload, upload).withMkdir(upload).withCredentials(credentials);
    }
}
