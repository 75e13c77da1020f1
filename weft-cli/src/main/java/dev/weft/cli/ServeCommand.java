package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.weft.engine.ServerConfig;
import dev.weft.http.AccessLog;
import dev.weft.http.CombinedLog;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;
import dev.weft.web.Web;
import dev.weft.web.WebApp;
import dev.weft.web.Weft;
import dev.weft.web.demo.DemoSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft serve [DIR] [--app CLASS]}: serve a folder over HTTP/1.1, a web app class, both (the app's routes
 * first), or, with neither, the bundled demo site.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a folder over HTTP/1.1: index.html, listings, folder archives, ranges, gzip, uploads. "
                + "With --app, a web app class (and DIR behind its routes). With neither, the bundled demo site.")
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8000;

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The folder to serve.")
    Path dir;

    @Option(names = "--app", paramLabel = "CLASS",
            description = "Serve this web app: a class implementing dev.weft.web.WebApp, from the class path "
                    + "or the current directory.")
    String app;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "weft-data",
            description = "The web app's data folder: its SQLite database and uploads, created on first start "
                    + "(default: ${DEFAULT-VALUE} in the current folder).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:WEFT_DB}",
            description = "The web app's database instead of SQLite in --data, e.g. "
                    + "jdbc:postgresql://localhost/weft?user=weft&password=... (default: $WEFT_DB).")
    String db;

    @Option(names = "--drain-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On Ctrl-C or SIGTERM, answer 503 at /_weft/health but keep serving this long before "
                    + "closing, so a load balancer stops sending first, e.g. 5s (default: close at once).")
    Duration drainDelay;

    @Option(names = "--list", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "List folders that have no index.html (default: on; --no-list answers 404 instead).")
    boolean list;

    @Option(names = "--hidden", description = "Serve and list dotfiles (hidden by default).")
    boolean hidden;

    @Option(names = "--follow-symlinks", description = "Serve symlinks that point outside DIR.")
    boolean followSymlinks;

    @Option(names = "--gzip", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compress text for clients that accept gzip (default: on; --no-gzip turns it off).")
    boolean gzip;

    @Option(names = "--upload", description = "Accept uploads: PUT, and multipart POST from the listing's upload panel.")
    boolean upload;

    @Option(names = "--overwrite", description = "Let uploads replace existing files.")
    boolean overwrite;

    @Option(names = "--mkdir", description = "Let uploads create folders (with --upload).")
    boolean mkdir;

    @Option(names = "--auth", paramLabel = "USER:PASSWORD", description = "Require HTTP Basic authentication.")
    String auth;

    @Option(names = "--cors", description = "Allow cross-origin requests from any origin.")
    boolean cors;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "64M",
            description = "Largest request body, e.g. 512k, 64M, 2G (default: ${DEFAULT-VALUE}).")
    String maxBody;

    @Option(names = "--access-log", paramLabel = "FILE|-", defaultValue = "-",
            description = "Where to write the access log (Combined Log Format); - is standard output (default).")
    String accessLog;

    @Option(names = {"-q", "--quiet"}, description = "No access log.")
    boolean quiet;

    @Option(names = "--qr", description = "Print a QR code of the LAN URL, for a phone (use with --bind 0.0.0.0).")
    boolean qr;

    /** The web app being served, if any (not a plain folder). */
    private Web web;

    @Override
    public Integer call() throws Exception {
        List<String> notes = new ArrayList<>();
        HttpServer http = start(notes);
        List<String> after = new ArrayList<>();
        if (!server.worker()) {
            List<String> urls = Banner.urls(http.tcp().address(), http.tcp().config().tls() != null);
            urls.forEach(url -> after.add("  " + url));
            if (qr) {
                after.addAll(Banner.qr(Banner.lanUrl(urls)));
                after.add("  (scan for " + Banner.lanUrl(urls) + ")");
            }
        }
        Serving.Drain drain = web == null ? Serving.Drain.NONE
                : new Serving.Drain(web::drain, drainDelay == null ? Duration.ZERO : drainDelay);
        return Serving.untilStopped(http.tcp(), drain, notes, after, spec.commandLine().getOut());
    }

    /** Starts the server these options describe; {@code notes} receives the lines to print before the start-up line. */
    HttpServer start(List<String> notes) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        web = app != null || dir == null ? webApp(notes) : null;
        HttpHandler files = dir == null ? null : handler();
        HttpSettings settings = HttpSettings.DEFAULT.withMaxBodySize(size(maxBody)).withAccessLog(accessLog(out));
        server.defaultModel(HttpServer.DEFAULT_MODEL);
        ServerConfig config = server.config(server.tls == null ? "HTTP" : "HTTPS", DEFAULT_PORT, notes);
        HttpServer http;
        try {
            if (web != null && files != null) {
                web.fallback(files);
            }
            http = web != null ? web.start(config, settings).http() : HttpServer.start(config, settings, files);
        } catch (IllegalStateException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.net.BindException && config.address().getPort() != 0) {
                int free = Banner.nextFreePort(config.address().getAddress().getHostAddress(), config.address().getPort());
                throw new CommandFailure(e.getMessage() + " (try --port 0 for any free port"
                        + (free > 0 ? ", or --port " + free + ", free now)" : ")"), e);
            }
            throw new CommandFailure(e.getMessage(), e);
        }
        return http;
    }

    /** The --app class, or the bundled demo site when neither it nor DIR is given, with its data folder and database. */
    private Web webApp(List<String> notes) throws IOException {
        Web web = Weft.http().dataDir(data.toAbsolutePath().normalize()).databaseUrl(db == null || db.isBlank() ? null : db)
                .monitoring();
        if (app == null) {
            try {
                web.routes(new DemoSite());
            } catch (RuntimeException e) {
                web.close();
                throw new CommandFailure("cannot start the demo site: " + e.getMessage(), e);
            }
            notes.add("accounts and sessions: " + web.database().describe());
            return web;
        }
        WebApp loaded;
        try {
            // java -jar ignores -cp: also look in the current directory, like java with no class path
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of("").toAbsolutePath().toUri().toURL()},
                    Thread.currentThread().getContextClassLoader());
            loaded = WebApp.load(app, loader);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("cannot serve --app: " + e.getMessage(), e);
        }
        try {
            return web.routes(loaded);
        } catch (RuntimeException e) {
            web.close();
            throw new CommandFailure("cannot serve --app " + app + ": " + e.getMessage(), e);
        }
    }

    private HttpHandler handler() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new CommandFailure("cannot serve " + dir + ": not a directory");
        }
        if (!Files.isReadable(dir)) {
            throw new CommandFailure("cannot serve " + dir + ": not readable");
        }
        if (mkdir && !upload) {
            throw new CommandFailure("--mkdir needs --upload");
        }
        if (auth != null && auth.indexOf(':') <= 0) {
            throw new CommandFailure("--auth needs USER:PASSWORD, not '" + auth + "'");
        }
        FileServerOptions options = new FileServerOptions(dir, list, hidden, followSymlinks, gzip, upload, overwrite, mkdir, cors, auth);
        return new FileServer(options);
    }

    private AccessLog accessLog(PrintWriter out) throws IOException {
        if (quiet) {
            return AccessLog.NONE;
        }
        if (server.worker() && accessLog.equals("-")) {
            // a worker's standard output belongs to its supervisor; its standard error reaches the terminal
            return new CombinedLog(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        }
        if (accessLog.equals("-")) {
            return new CombinedLog(out);
        }
        try {
            return new CombinedLog(new PrintWriter(Files.newBufferedWriter(Path.of(accessLog), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), true));
        } catch (IOException e) {
            throw new CommandFailure("cannot open access log " + accessLog + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code 123}, {@code 512k}, {@code 64M}, {@code 2G} (binary units). */
    static long size(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT).replaceFirst("i?b$", "");
        long unit = 1;
        if (!value.isEmpty()) {
            switch (value.charAt(value.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        try {
            long n = Long.parseLong(digits.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandFailure("bad size '" + text + "' (expected e.g. 1048576, 512k, 64M or 2G)");
        }
    }
}
