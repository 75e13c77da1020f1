package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.http.HttpServer;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft train} (hidden): the training runs the launcher records its ahead-of-time caches from. Each runs the hot
 * paths users wait for, as they run them, in this one JVM. The JVM loads every class of a cache at start, so each group
 * of commands has a cache of its own ({@code --for}):
 * <ul>
 *   <li>{@code all} (servers and everything not below): {@code weft serve} of a folder and of the demo site answering
 *       requests over plain sockets (pages, JSON, a static file with and without gzip, 404s);</li>
 *   <li>{@code client}: {@code weft get} twice and {@code weft download} of a few files from a folder server, and
 *       {@code weft files get} (verified and raw) from a files server;</li>
 *   <li>{@code copy}: {@code weft copy} of a small tree.</li>
 * </ul>
 * Everything is on 127.0.0.1, port 0, under one temp folder that is deleted at the end, and bounded in count, so a run
 * takes a second or two.
 */
@Command(name = "train", hidden = true, mixinStandardHelpOptions = true,
        description = "Exercise weft's hot paths once (the launcher's ahead-of-time cache is recorded from this run).")
final class TrainCommand implements Callable<Integer> {

    static final int FILES = 30;
    static final int ROUNDS = 4;
    static final List<String> FOLDER_PATHS = List.of("/", "/index.html", "/file-0.txt", "/style.css", "/no-such-file",
            "/sub/");
    static final List<String> DEMO_PATHS = List.of("/", "/test", "/info", "/hello?name=weft", "/style.css", "/login",
            "/missing");

    /** Which commands a training run is for; each has its own cache. */
    enum Group { ALL, CLIENT, COPY }

    @Spec
    CommandSpec spec;

    @Option(names = "--temp", paramLabel = "DIR", description = "Where to make the temp folder (default: the system's).")
    Path temp;

    @Option(names = "--for", paramLabel = "GROUP", defaultValue = "all",
            description = "The commands to train: all (servers and the rest), client (get, download, files get) or copy.")
    Group group;

    @Override
    public Integer call() throws Exception {
        Path work = temp == null ? Files.createTempDirectory("weft-train-") : Files.createTempDirectory(temp, "weft-train-");
        try {
            Path site = siteFiles(work.resolve("site"));
            String done = switch (group) {
                case ALL -> servers(site, work.resolve("data")) + " requests";
                case CLIENT -> clients(site, work) + " downloads";
                case COPY -> copy(site, work) + " files copied";
            };
            spec.commandLine().getOut().println("trained: " + done);
            return ExitCode.OK.code();
        } finally {
            BenchCommand.deleteTree(work);
        }
    }

    /** Requests to a folder server and the demo site, each on a connection of its own, half of them asking for gzip. */
    private int servers(Path site, Path data) throws Exception {
        // the demo site's database in the training folder: never the user's ./weft-data or $WEFT_DB
        try (HttpServer files = serve(site.toString()); HttpServer demo = serve("--data", data.toString(), "--db", "")) {
            int requests = 0;
            for (int round = 0; round < ROUNDS; round++) {
                boolean gzip = round % 2 == 1;
                for (String path : FOLDER_PATHS) {
                    request(files.tcp().port(), path, gzip);
                    requests++;
                }
                for (String path : DEMO_PATHS) {
                    request(demo.tcp().port(), path, gzip);
                    requests++;
                }
            }
            return requests;
        }
    }

    /**
     * {@code weft get} twice and {@code weft download} of {@link #FILES} files from a folder server, then
     * {@code weft files get} of one file verified and one raw from a files server.
     */
    private int clients(Path site, Path work) throws Exception {
        try (HttpServer files = serve(site.toString())) {
            String url = "http://127.0.0.1:" + files.tcp().port();
            run("get", url + "/file-0.txt");
            run("get", url + "/file-1.txt", "-o", work.resolve("got.txt").toString());
            List<String> download = new ArrayList<>(List.of("download", "-d", work.resolve("download").toString()));
            for (int i = 0; i < FILES; i++) {
                download.add(url + "/sub/file-" + i + ".txt");
            }
            run(download.toArray(String[]::new));
        }
        ServerConfig config = ServerConfig.builder("files").bind("127.0.0.1", 0).build();
        try (TcpServer share = TcpServer.start(config, FilesService.create(SharedDirectory.open(site, false)))) {
            String endpoint = "127.0.0.1:" + share.port();
            run("files", "get", "-q", endpoint, "file-2.txt", "-o", work.resolve("files-get.txt").toString());
            run("files", "get", "-q", "--raw", endpoint, "file-3.txt", "-o", work.resolve("files-raw.txt").toString());
        }
        return FILES + 2;
    }

    private static int copy(Path site, Path work) {
        run("copy", site.toString(), work.resolve("copy").toString());
        return 2 + 2 * FILES;
    }

    /** One GET on a connection of its own, read to the end; anything but an HTTP/1.1 answer fails the training. */
    private static void request(int port, String path, boolean gzip) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (gzip ? "Accept-Encoding: gzip\r\n" : "") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes();
            if (!new String(answer, 0, Math.min(answer.length, 9), StandardCharsets.US_ASCII).equals("HTTP/1.1 ")) {
                throw new CommandFailure("train: GET " + path + " got no HTTP/1.1 answer");
            }
        }
    }

    /** A folder with an index page, a stylesheet and {@link #FILES} small text files at the top and in sub/. */
    private static Path siteFiles(Path site) throws IOException {
        Files.createDirectories(site.resolve("sub"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>weft</title><p>trained</p>\n");
        Files.writeString(site.resolve("style.css"), "body { font-family: sans-serif; }\n".repeat(40));
        for (int i = 0; i < FILES; i++) {
            String text = ("line " + i + " of a small file\n").repeat(1 + i * 7);
            Files.writeString(site.resolve("file-" + i + ".txt"), text);
            Files.writeString(site.resolve("sub").resolve("file-" + i + ".txt"), text);
        }
        return site;
    }

    /** {@code weft serve ARGS --port 0 -q} parsed as the user's command line is, started, not waited on. */
    private HttpServer serve(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("serve", "--port", "0", "--bind", "127.0.0.1", "-q"));
        line.addAll(List.of(args));
        CommandLine cli = Main.commandLine(quiet(), quiet(), List.of(ServeCommand.class));
        CommandLine.ParseResult parsed = cli.parseArgs(line.toArray(String[]::new));
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        return serve.start(new ArrayList<>());
    }

    /** Runs a weft command line in this JVM; a failure fails the training. */
    private static void run(String... args) {
        StringWriter errors = new StringWriter();
        int code = Main.run(quiet(), new PrintWriter(errors, true), args);
        if (code != ExitCode.OK.code()) {
            throw new CommandFailure("train: 'weft " + String.join(" ", args) + "' exited with " + code + ": "
                    + errors.toString().strip());
        }
    }

    private static PrintWriter quiet() {
        return new PrintWriter(Writer.nullWriter());
    }
}
