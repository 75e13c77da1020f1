package dev.weft.bench.servers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line every benchmark server main takes ({@code --port P --site DIR [--model M]}) and the
 * lines it prints for the harness: {@code config: ...} for each setting worth reporting, then {@code ready}
 * once it accepts connections.
 *
 * @param port  the loopback port to listen on (chosen free by the harness)
 * @param site  the folder whose {@code static/} sub-folder holds the files served under {@code /static/}
 * @param model weft's concurrency model spelling; ignored by peers
 */
public record ServerArgs(int port, Path site, String model) {

    /** The one host every benchmark server binds: loopback only. */
    public static final String HOST = "127.0.0.1";

    /** The body of {@code GET /hello}. */
    public static final String HELLO = "Hello, World!";

    public static ServerArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        String port = values.get("port");
        String site = values.get("site");
        if (port == null || site == null) {
            throw new IllegalArgumentException("usage: --port P --site DIR [--model M]");
        }
        Path root = Path.of(site);
        if (!Files.isDirectory(root.resolve("static"))) {
            throw new IllegalArgumentException("no static/ folder under the site " + root);
        }
        return new ServerArgs(Integer.parseInt(port), root, values.getOrDefault("model", "virtual"));
    }

    public Path staticDir() {
        return site.resolve("static");
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
