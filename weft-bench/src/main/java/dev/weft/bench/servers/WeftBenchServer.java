package dev.weft.bench.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.http.AccessLog;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;
import dev.weft.tls.Tls;
import dev.weft.web.Web;
import dev.weft.web.Weft;

/**
 * weft on the benchmark's endpoints, in one JVM, under the model given by {@code --model} (weft's default,
 * {@link dev.weft.http.HttpServer#DEFAULT_MODEL}, without it):
 * <ul>
 *   <li>on {@code --app-port}: the web app as {@code weft serve SITE --app HelloApp -q} builds it: weft-web's
 *       {@link Web} with {@link HelloApp}'s route and the monitoring pages, the site's {@link FileServer} behind the
 *       routes (so {@code /static/...} is a file), no access log;</li>
 *   <li>on {@code --tls-port} (when given, with {@code --tls-cert} and {@code --tls-key} PEM files): the same app
 *       over TLS, as {@code weft serve ... --tls-cert C --tls-key K} serves it;</li>
 *   <li>on {@code --port}: the engine's HTTP server with no web layer, answering {@code /hello} from memory on the
 *       event loop where the model has one: what the web layer costs on top of the engine.</li>
 * </ul>
 * The processes model re-runs this main as its workers, each for one of these servers ({@code --serve}).
 */
public final class WeftBenchServer {

    /** The limits of every weft server here: room for the idle round's 10,000 connections beside the load's. */
    static final Limits LIMITS = Limits.DEFAULT.withMaxConnections(20_000).withIdleTimeout(Duration.ofMinutes(5));

    private WeftBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        ServerArgs args = ServerArgs.parse(argv);
        Model model = args.engineModel();
        boolean worker = "true".equals(args.option("worker"));
        String only = args.option("serve");
        List<AutoCloseable> started = new ArrayList<>();
        List<HttpServer> servers = new ArrayList<>();
        // the engine's server last: the harness polls its /hello, so once it answers the others are up
        if (args.option("tls-port") != null && wants(only, "tls")) {
            int port = only == null ? args.intOption("tls-port", 0) : args.port();
            Tls tls = Tls.fromPem(Path.of(args.option("tls-cert")), Path.of(args.option("tls-key")));
            ServerConfig config = config("HTTPS", port, model, worker, workerArgs(args, "tls"))
                    .tls(tls.serverContext()).build();
            var web = app(args, port).start(config, settings());
            started.add(web);
            servers.add(web.http());
        }
        if (args.option("app-port") != null && wants(only, "app")) {
            int port = only == null ? args.intOption("app-port", 0) : args.port();
            var web = app(args, port).start(config("HTTP", port, model, worker, workerArgs(args, "app")).build(), settings());
            started.add(web);
            servers.add(web.http());
        }
        if (wants(only, "engine")) {
            // nothing but memory behind it: the event loop may answer on its own thread
            HttpServer engine = HttpServer.start(config("HTTP", args.port(), model, worker, workerArgs(args, "engine")).build(),
                    HttpHandler.nonBlocking(request -> "/hello".equals(request.path())
                            ? HttpResponse.text(200, ServerArgs.HELLO)
                            : HttpResponse.text(404, "not found\n")));
            servers.add(engine);
        }
        if (!worker) {
            ServerArgs.config("weft " + (args.model() == null ? "with no --model: the default, " : "--model ")
                    + model.spec() + "; max connections 20000, idle timeout 5 min, default HttpSettings, no access log");
            ServerArgs.config("web app (port " + args.option("app-port") + (args.option("tls-port") == null ? ""
                    : ", and TLS on port " + args.option("tls-port")) + "): weft-web Web with HelloApp (GET "
                    + HelloApp.PATH + "), monitoring pages, FileServer(site) behind the routes for /static");
            ServerArgs.config("engine only (port " + args.port() + "): HttpServer answering GET /hello from memory, "
                    + "HttpHandler.nonBlocking");
            ServerArgs.ready();
        }
        for (HttpServer server : servers) {
            server.awaitClosed();
        }
        for (AutoCloseable closing : started) {
            closing.close();
        }
    }

    private static boolean wants(String only, String server) {
        return only == null || only.equals(server);
    }

    /** The web app as {@code weft serve SITE --app HelloApp} puts it together (see weft-cli's ServeCommand). */
    private static Web app(ServerArgs args, int port) throws Exception {
        Web web = Weft.http().dataDir(args.site().resolveSibling("weft-data-" + port)).monitoring();
        web.routes(new HelloApp());
        FileServerOptions files = new FileServerOptions(args.site(), true, false, false, true, false, false, false, false, null);
        web.fallback(new FileServer(files));
        return web;
    }

    /** {@code weft serve}'s HTTP settings (64 MiB bodies) with {@code -q}: no access log, as nginx runs here. */
    private static HttpSettings settings() {
        return HttpSettings.DEFAULT.withMaxBodySize(64L << 20).withAccessLog(AccessLog.NONE);
    }

    private static ServerConfig.Builder config(String service, int port, Model model, boolean worker, List<String> workerArgs) {
        return ServerConfig.builder(service)
                .bind(ServerArgs.HOST, port)
                .model(model)
                .limits(LIMITS)
                .worker(worker)
                .workerCommand(WorkerCommand.java(WeftBenchServer.class.getName(), workerPort -> {
                    List<String> all = new ArrayList<>(List.of("--port", Integer.toString(workerPort)));
                    all.addAll(workerArgs);
                    return all;
                }));
    }

    /** A worker of the processes model runs one server, {@code serve}, under the virtual model (as weft serve's do). */
    private static List<String> workerArgs(ServerArgs args, String serve) {
        List<String> all = new ArrayList<>(List.of("--site", args.site().toString(), "--model", "virtual",
                "--worker", "true", "--serve", serve));
        if (serve.equals("tls")) {
            all.addAll(List.of("--tls-port", "0", "--tls-cert", args.option("tls-cert"), "--tls-key", args.option("tls-key")));
        }
        if (serve.equals("app")) {
            all.addAll(List.of("--app-port", "0"));
        }
        return all;
    }
}
