package dev.weft.bench.servers;

import java.time.Duration;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

import java.util.List;

/**
 * weft's HTTP server on the benchmark's endpoints: {@code /hello} answered from memory, everything else
 * by weft's own {@link FileServer} rooted at the site (so {@code /static/...} maps to the files), under the
 * model given by {@code --model}. The processes model re-runs this main as its workers.
 */
public final class WeftBenchServer {

    private WeftBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        ServerArgs args = ServerArgs.parse(argv);
        boolean worker = List.of(argv).contains("--worker");
        Model model = Model.parse(args.model());
        FileServer files = new FileServer(FileServerOptions.of(args.site()));
        ServerConfig config = ServerConfig.builder("HTTP")
                .bind(ServerArgs.HOST, args.port())
                .model(model)
                .limits(Limits.DEFAULT.withMaxConnections(20_000).withIdleTimeout(Duration.ofMinutes(5)))
                .worker(worker)
                .workerCommand(WorkerCommand.java(WeftBenchServer.class.getName(), port -> List.of(
                        "--port", Integer.toString(port), "--site", args.site().toString(),
                        "--model", "virtual", "--worker", "true")))
                .build();
        // neither route waits on anything but the local file system: the event loop may answer on its own thread
        HttpServer server = HttpServer.start(config, HttpHandler.nonBlocking(request -> "/hello".equals(request.path())
                ? HttpResponse.text(200, ServerArgs.HELLO)
                : files.handle(request)));
        if (!worker) {
            ServerArgs.config("weft HttpServer, model " + model.spec() + ", FileServer(root=site) for /static, "
                    + "max connections 20000, idle timeout 5 min, default HttpSettings");
            ServerArgs.ready();
        }
        server.awaitClosed();
    }
}
