package dev.weft.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.http.HttpServer;
import dev.weft.http.client.WebClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft train} (hidden): the training run the launcher records its ahead-of-time cache from. It runs the hot
 * paths users wait for, as they run them, in this one JVM: {@code weft serve} of a folder and of the demo site
 * answering keep-alive requests (pages, JSON, a static file, 404s), {@code weft get}, {@code weft copy} of a small
 * tree and {@code weft download} of a few files. Everything is on 127.0.0.1, port 0, under one temp folder that is
 * deleted at the end, and bounded in count, so the run takes a second or two.
 */
@Command(name = "train", hidden = true, mixinStandardHelpOptions = true,
        description = "Exercise weft's hot paths once (the launcher's ahead-of-time cache is recorded from this run).")
final class TrainCommand implements Callable<Integer> {

    static final int FILES = 30;
    static final int ROUNDS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--temp", paramLabel = "DIR", description = "Where to make the temp folder (default: the system's).")
    Path temp;

    @Override
    public Integer call() throws Exception {
        Path work = temp == null ? Files.createTempDirectory("weft-train-") : Files.createTempDirectory(temp, "weft-train-");
        try {
            int requests = train(work);
            spec.commandLine().getOut().println("trained: " + requests + " requests, a copy of " + (2 + 2 * FILES)
                    + " files and a download of " + FILES + " files");
            return ExitCode.OK.code();
        } finally {
            BenchCommand.deleteTree(work);
        }
    }

    private int train(Path work) throws Exception {
        Path site = siteFiles(work.resolve("site"));
        HttpServer files = serve(site.toString());
        HttpServer demo = serve();
        try {
            String filesUrl = "http://127.0.0.1:" + files.tcp().port();
            String demoUrl = "http://127.0.0.1:" + demo.tcp().port();
            List<URI> uris = new ArrayList<>();
            for (String path : List.of("/", "/index.html", "/file-0.txt", "/style.css", "/no-such-file", "/sub/")) {
                uris.add(URI.create(filesUrl + path));
            }
            for (String path : List.of("/", "/test", "/info", "/hello?name=weft", "/style.css", "/login", "/missing")) {
                uris.add(URI.create(demoUrl + path));
            }
            int requests = 0;
            WebClient client = new WebClient(Duration.ofSeconds(5));
            List<String[]> gzip = List.<String[]>of(new String[] {"Accept-Encoding", "gzip"});
            for (int round = 0; round < ROUNDS; round++) { // one client: the requests share keep-alive connections
                for (URI uri : uris) {
                    client.get(uri, round % 2 == 0 ? List.of() : gzip, false, OutputStream.nullOutputStream(),
                            WebClient.Progress.NONE);
                    requests++;
                }
            }
            run("get", demoUrl + "/test", "--json");
            run("get", filesUrl + "/file-1.txt", "-o", work.resolve("got.txt").toString());
            requests += 2;
            run("copy", site.toString(), work.resolve("copy").toString());
            List<String> download = new ArrayList<>(List.of("download", "-d", work.resolve("download").toString()));
            for (int i = 0; i < FILES; i++) {
                download.add(filesUrl + "/sub/file-" + i + ".txt");
            }
            run(download.toArray(String[]::new));
            return requests + FILES;
        } finally {
            files.close();
            demo.close();
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
