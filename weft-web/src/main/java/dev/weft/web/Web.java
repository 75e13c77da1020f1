package dev.weft.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.ServerMetrics;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/**
 * A web app being put together: routes (three ways, as the seeds grow them: a fluent table, a map from
 * path to handler like {@code urls.py}, and annotated methods like the {@code @route} decorator), filters,
 * exception mappers, templates and static files. {@link #handler()} freezes it into the server's
 * {@link HttpHandler}; {@link #start(int)} serves it.
 *
 * <pre>{@code
 * Weft.http()
 *     .get("/test", request -> Map.of("name", "zhangsan"))
 *     .routes(Map.of("/hello", request -> "<h1>hello</h1>"))
 *     .routes(new InfoPages())            // @Get("/info") on its methods
 *     .staticFiles(Path.of("public"))
 *     .start(8000);
 * }</pre>
 */
public final class Web {

    private final List<Router.Route> routes = new ArrayList<>();
    private final List<BeforeFilter> before = new ArrayList<>();
    private final List<AfterFilter> after = new ArrayList<>();
    private final Map<Class<? extends Exception>, ExceptionMapper<? extends Exception>> mappers = new LinkedHashMap<>();
    private final AtomicReference<HttpServer> server = new AtomicReference<>();
    private HttpHandler staticFiles;
    private RouteHandler notFound = request -> Response.status(404);
    private Templates templates;
    private Uploads uploads = Uploads.DEFAULT;
    private Path dataDir = Path.of("weft-data");
    private String databaseUrl;
    private Database database;
    private SessionStore sessionStore;
    private SessionSettings sessionSettings = SessionSettings.DEFAULT;
    private boolean csrf;
    private final List<PathPattern> csrfExempt = new ArrayList<>();
    private WebHandler built;
    private volatile WebMetrics metrics = new WebMetrics();
    private volatile boolean draining;
    private boolean monitored;

    Web() {
    }

    /** Routes {@code method} requests for {@code pattern} (e.g. {@code /users/{id:\d+}}) to {@code handler}. */
    public Web route(String method, String pattern, RouteHandler handler) {
        Objects.requireNonNull(handler, "handler");
        routes.add(new Router.Route(method, PathPattern.parse(pattern), handler));
        return this;
    }

    public Web get(String pattern, RouteHandler handler) {
        return route("GET", pattern, handler);
    }

    public Web post(String pattern, RouteHandler handler) {
        return route("POST", pattern, handler);
    }

    public Web put(String pattern, RouteHandler handler) {
        return route("PUT", pattern, handler);
    }

    public Web delete(String pattern, RouteHandler handler) {
        return route("DELETE", pattern, handler);
    }

    public Web patch(String pattern, RouteHandler handler) {
        return route("PATCH", pattern, handler);
    }

    /** GET routes from a map of path pattern to handler: the seeds' {@code urls} dict. */
    public Web routes(Map<String, ? extends RouteHandler> urls) {
        urls.forEach(this::get);
        return this;
    }

    /** The routes declared with {@link Get @Get}, {@link Post @Post} ... on {@code controller}'s public methods. */
    public Web routes(Object controller) {
        for (AnnotatedRoutes.Declared declared : AnnotatedRoutes.of(controller)) {
            route(declared.method(), declared.pattern(), declared.handler());
        }
        return this;
    }

    /** Whatever {@code app} adds: a packaged app, or the bundled demo site. */
    public Web routes(WebApp app) {
        try {
            app.routes(this);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(app.getClass().getName() + " could not set up its routes: " + e.getMessage(), e);
        }
        return this;
    }

    public Web before(BeforeFilter filter) {
        before.add(Objects.requireNonNull(filter, "filter"));
        return this;
    }

    public Web after(AfterFilter filter) {
        after.add(Objects.requireNonNull(filter, "filter"));
        return this;
    }

    /** Answers exceptions of {@code type} (and its subclasses without a mapper of their own) with {@code mapper}. */
    public <E extends Exception> Web exception(Class<E> type, ExceptionMapper<? super E> mapper) {
        mappers.put(type, Objects.requireNonNull(mapper, "mapper"));
        return this;
    }

    /** What answers a path no route or static file matches (its 200 becomes a 404). */
    public Web notFound(RouteHandler handler) {
        this.notFound = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Serves the files under {@code dir} (index.html, ETags, ranges, gzip; no listing, no dotfiles) for
     * GET and HEAD requests no route matches; routes win where both match.
     *
     * @throws IOException naming {@code dir} when it is not a directory
     */
    public Web staticFiles(Path dir) throws IOException {
        return fallback(new FileServer(FileServerOptions.of(dir)));
    }

    /** Serves GET and HEAD requests that no route matches with {@code handler}, e.g. a configured file server. */
    public Web fallback(HttpHandler handler) {
        this.staticFiles = handler;
        return this;
    }

    /** Templates from the folder {@code dir}, for {@link Request#render}. */
    public Web templates(Path dir) {
        return templates(Templates.folder(dir));
    }

    public Web templates(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
        return this;
    }

    public Web uploads(Uploads uploads) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        return this;
    }

    /**
     * The folder for the app's files: the default SQLite database and whatever the app stores (uploads ...).
     * Default {@code ./weft-data}; created when first used. Set it before the app's routes are added.
     */
    public Web dataDir(Path dir) {
        this.dataDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The database to use instead of the SQLite file in the data folder, e.g.
     * {@code jdbc:postgresql://localhost/weft?user=weft&password=...}; null keeps the default.
     */
    public Web databaseUrl(String jdbcUrl) {
        this.databaseUrl = jdbcUrl;
        return this;
    }

    /**
     * The app's database, opened on first call: the {@link #databaseUrl} if one was given, else
     * {@code weft.db} (SQLite) in the {@link #dataDir}. Once an app has asked for it, its sessions are kept
     * there too (unless {@link #sessions(SessionStore)} says otherwise). Closed when the server closes.
     *
     * @throws IllegalArgumentException naming the database when it cannot be opened
     * @throws java.io.UncheckedIOException naming the data folder when it cannot be created
     */
    public synchronized Database database() {
        if (database == null) {
            try {
                database = databaseUrl != null ? Database.open(databaseUrl) : Database.sqlite(dataDir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot use the data folder: " + e.getMessage(), e);
            }
        }
        return database;
    }

    /** Where sessions are kept; default: the app's database once it has asked for one, else memory. */
    public Web sessions(SessionStore store) {
        this.sessionStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /** The session cookie's name and the idle and absolute timeouts. */
    public Web sessions(SessionSettings settings) {
        this.sessionSettings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Refuses POST, PUT, PATCH and DELETE requests without the session's CSRF token (403), except on
     * {@link #csrfExempt} routes. Forms carry the token with {@code {{{csrf}}}} in their template.
     */
    public Web csrf() {
        this.csrf = true;
        return this;
    }

    /** Routes matching {@code pattern} (e.g. {@code /api/*}) skip the CSRF check: JSON APIs with their own auth. */
    public Web csrfExempt(String pattern) {
        csrfExempt.add(PathPattern.parse(pattern));
        return this;
    }

    /**
     * Adds the load balancer's and Prometheus' pages: {@code GET /_weft/health} (200 {@code ok} while serving and
     * the app's database, if it opened one, answers; 503 once {@link #drain()} was called or the database does not
     * answer) and {@code GET /_weft/metrics} (the Prometheus text format). Adding them twice adds them once.
     */
    public synchronized Web monitoring() {
        if (!monitored) {
            monitored = true;
            get("/_weft/health", request -> health());
            get("/_weft/metrics", request -> metrics.response());
        }
        return this;
    }

    /**
     * Makes {@code /_weft/health} answer 503 from now on, so load balancers stop sending new requests while this
     * instance still serves those that come: the first step of a graceful shutdown, before the server closes.
     */
    public void drain() {
        draining = true;
    }

    /** Whether {@link #drain()} was called. */
    public boolean draining() {
        return draining;
    }

    private dev.weft.http.HttpResponse health() {
        if (draining) {
            return dev.weft.http.HttpResponse.text(503, "draining\n").header("Cache-Control", "no-store");
        }
        Database opened;
        synchronized (this) {
            opened = database;
        }
        if (opened != null && !opened.answers(2)) {
            return dev.weft.http.HttpResponse.text(503, "the database does not answer\n").header("Cache-Control", "no-store");
        }
        return dev.weft.http.HttpResponse.text(200, "ok\n").header("Cache-Control", "no-store");
    }

    /** The app as the HTTP server's handler; built once, later changes to this builder are not seen. */
    public synchronized HttpHandler handler() {
        if (built == null) {
            SessionStore store;
            try {
                store = sessionStore != null ? sessionStore
                        : database != null ? new DatabaseSessions(database) : new MemorySessions();
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot keep sessions in " + database.describe() + ": " + e.getMessage(), e);
            }
            Sessions sessions = new Sessions(store, sessionSettings, java.time.Clock.systemUTC());
            built = new WebHandler(new WebHandler.Setup(new Router(routes), List.copyOf(before), List.copyOf(after),
                    Map.copyOf(mappers), staticFiles, notFound, templates, uploads, sessions,
                    csrf ? new Csrf(csrfExempt) : null, metrics));
        }
        return built;
    }

    /** Closes what the app opened (its database); the server's {@link WebServer#close()} calls it. */
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Serves the app on 127.0.0.1:{@code port} (0 for any free port) under the default model. */
    public WebServer start(int port) throws IOException {
        return start(ServerConfig.builder("HTTP").bind("127.0.0.1", port).build(), HttpSettings.DEFAULT);
    }

    /** Serves the app with a full server configuration (address, model, limits, TLS) and HTTP settings. */
    public WebServer start(ServerConfig config, HttpSettings settings) throws IOException {
        HttpServer started;
        WorkerMetrics peers = null;
        synchronized (this) {
            if (config.worker() && built == null) {
                // a worker of the processes model: its figures are one worker's of several (see WorkerMetrics)
                peers = new WorkerMetrics(dataDir);
                metrics = new WebMetrics(peers);
            }
        }
        try {
            started = HttpServer.start(config, settings, handler());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        server.set(started);
        WebMetrics serving = metrics;
        serving.engine(started.tcp().metrics());
        if (peers != null) {
            WorkerMetrics publisher = peers;
            Thread.ofVirtual().name("weft-metrics-publisher").start(() -> publishUntilClosed(started, serving, publisher));
        }
        return new WebServer(started, this::close);
    }

    /** A worker's loop: its figures to its peers once a second until the server has closed. */
    private static void publishUntilClosed(HttpServer server, WebMetrics metrics, WorkerMetrics peers) {
        try {
            do {
                peers.publish(metrics.text());
            } while (!server.tcp().awaitClosed(java.time.Duration.ofSeconds(1)));
            peers.withdraw();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Web.class).warn("cannot render this worker's metrics: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The serving engine's counters with this app's request counts, as the JSON of {@code /_weft/stats};
     * empty until the app is started.
     */
    public Optional<Stats> stats() {
        HttpServer running = server.get();
        if (running == null || built == null) {
            return Optional.empty();
        }
        long[] classes = built.responsesByClass();
        return Optional.of(new Stats(running.tcp().metrics().snapshot(), built.requests(),
                new java.util.TreeMap<>(Map.of("1xx", classes[0], "2xx", classes[1], "3xx", classes[2], "4xx", classes[3],
                        "5xx", classes[4]))));
    }

    /** A started app's counters: the engine's, then requests handled and responses by status class. */
    public record Stats(ServerMetrics.Snapshot engine, long requests, Map<String, Long> responses) {
    }
}
