package dev.weft.bench.servers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.weft.http.HttpServer;
import dev.weft.engine.Model;

/**
 * The command line every benchmark server main takes ({@code --port P --site DIR [--model M] [--NAME VALUE]...})
 * and the lines it prints for the harness: {@code config: ...} for each setting worth reporting, then {@code ready}
 * once it accepts connections.
 *
 * @param port    the loopback port to listen on (chosen free by the harness)
 * @param site    the folder whose {@code static/} sub-folder holds the files served under {@code /static/}
 * @param model   weft's concurrency model spelling, null when not given (weft's default); ignored by peers
 * @param options every other {@code --name value} pair, by name without the dashes
 */
public record ServerArgs(int port, Path site, String model, Map<String, String> options) {

    /** The one host every benchmark server binds: loopback only. */
    public static final String HOST = "127.0.0.1";

    /** The body of {@code GET /hello} and of the web-app route {@code GET /route}. */
    public static final String HELLO = "Hello, World!";

    public ServerArgs {
        options = Map.copyOf(options);
    }

    public static ServerArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        String port = values.remove("port");
        String site = values.remove("site");
        if (port == null || site == null) {
            throw new IllegalArgumentException("usage: --port P --site DIR [--model M] [--name value]...");
        }
        Path root = Path.of(site);
        if (!Files.isDirectory(root.resolve("static"))) {
            throw new IllegalArgumentException("no static/ folder under the site " + root);
        }
        return new ServerArgs(Integer.parseInt(port), root, values.remove("model"), values);
    }

    public Path staticDir() {
        return site.resolve("static");
    }

    /** The model given, or weft's default ({@link dev.weft.http.HttpServer#DEFAULT_MODEL}, what {@code weft serve} runs without --model). */
    public Model engineModel() {
        return model == null ? HttpServer.DEFAULT_MODEL : Model.parse(model);
    }

    /** An option's value, or null when it was not given. */
    public String option(String name) {
        return options.get(name);
    }

    /** A whole-number option, or {@code otherwise} when it was not given. */
    public int intOption(String name, int otherwise) {
        String value = options.get(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    /** Prints one {@code config:} line for the report. */
    public static void config(String line) {
        out().println("config: " + line);
    }

    /** Tells the harness the server is listening. */
    public static void ready() {
        out().println("ready");
        out().flush();
    }

    private static PrintStream out() {
        return System.out;
    }
}
