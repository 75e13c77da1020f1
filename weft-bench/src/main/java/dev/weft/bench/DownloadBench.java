package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;
import dev.weft.http.files.FileServer;
import dev.weft.http.files.FileServerOptions;

/**
 * {@code weft bench download}: {@code weft download -i LIST} against {@code wget -i LIST} and
 * {@code aria2c -i LIST -j 16}, fetching the same small files from weft's own HTTP server, which runs in this JVM
 * on 127.0.0.1 (a free port) for the whole run. Goal (issue 10): at least as fast as aria2c.
 */
public final class DownloadBench {

    public static final String WORKLOAD = "small files over HTTP";
    /** One large file: weft download against curl -o and aria2c (issue 27: at least as fast as curl). */
    public static final String LARGE = "one large file over HTTP";
    private static final String LARGE_NAME = "large.bin";
    /** aria2c's downloads at once, as the issue names it; weft is also run with the same number. */
    static final int ARIA2_JOBS = 16;

    private final WeftProgram weft;
    private final int files;
    private final long largeBytes;
    private final int rounds;
    private final Consumer<String> progress;

    public DownloadBench(WeftProgram weft, int files, int rounds, Consumer<String> progress) {
        this(weft, files, 0, rounds, progress);
    }

    /** Also downloads one file of {@code largeBytes} (none when 0) with weft, curl -o and aria2c. */
    public DownloadBench(WeftProgram weft, int files, long largeBytes, int rounds, Consumer<String> progress) {
        if (largeBytes < 0) {
            throw new IllegalArgumentException("--large must not be negative, not " + largeBytes);
        }
        InterleavedRounds.requireBetween("--files", files, 1, 100000);
        InterleavedRounds.requireBetween("--rounds", rounds, 1, 50);
        this.weft = weft;
        this.files = files;
        this.largeBytes = largeBytes;
        this.rounds = rounds;
        this.progress = progress;
    }

    public ToolReport run(String command, Path work) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        List<ToolContender> contenders = contenders(notes);
        progress.accept("writing " + files + " small files to serve");
        Path site = CopyBench.smallTree(work.resolve("site"), files, files).resolve("d0000");
        if (largeBytes > 0) {
            progress.accept(String.format(Locale.ROOT, "writing a %,d MiB file to serve", largeBytes >> 20));
            CopyBench.largeFile(site.resolve(LARGE_NAME), largeBytes);
        }
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).build();
        List<ToolReport.Row> rows;
        double startup;
        try (HttpServer server = HttpServer.start(config, HttpSettings.DEFAULT, new FileServer(FileServerOptions.of(site)))) {
            Path list = urlList(work.resolve("urls.txt"), site, server.port());
            startup = weft.startupSeconds(work.resolve("startup.log"), 3);
            rows = new ArrayList<>(new InterleavedRounds(contenders, rounds, progress)
                    .run(List.of(new InterleavedRounds.Workload(WORKLOAD, list, small(site))), work));
            if (largeBytes > 0) {
                String url = "http://127.0.0.1:" + server.port() + "/" + LARGE_NAME;
                Path one = Files.writeString(work.resolve("large-url.txt"), url + "\n");
                rows.addAll(new InterleavedRounds(largeContenders(contenders, url), rounds, progress)
                        .run(List.of(new InterleavedRounds.Workload(LARGE, one, new TreeStats(1, largeBytes))), work));
            }
        }
        notes.addAll(List.of(
                rounds + " interleaved round(s); medians. Each run downloads into a new folder after an untimed `sync` "
                        + "(folders are deleted after the last run); after it the folder must hold every file with the "
                        + "right total of bytes.",
                "Server: weft's HttpServer with its FileServer (as `weft serve DIR`, virtual threads, no access log) in the "
                        + "benchmark's JVM on 127.0.0.1; every program fetches from it over loopback.",
                "Page cache: warm for every program alike (the served files were just written and fit in RAM).",
                "Each program runs as its own process: weft's times include starting its JVM (`weft --version` takes "
                        + WeftProgram.seconds(startup) + ", median of 3). " + WeftJvm.current().describe()
                        + " `weft` is run with its defaults; `weft --parallel "
                        + ARIA2_JOBS + "` matches aria2c's -j " + ARIA2_JOBS + ".",
                String.format(Locale.ROOT, "Inputs: %,d files of %d-%d KiB, one URL each in the list given to every program.", files,
                        CopyBench.SMALL_MIN >> 10, CopyBench.SMALL_MAX >> 10)));
        if (largeBytes > 0) {
            notes.add(String.format(Locale.ROOT, "Large file: one file of %,d MiB from the same server; weft download, "
                    + "`curl -s -o FILE URL` and `aria2c -q -i LIST` (its defaults: one connection).", largeBytes >> 20));
        }
        List<ToolReport.Goal> goals = new ArrayList<>(List.of(
                ToolReport.goal(rows, WORKLOAD, "aria2c", 1.0, "at least as fast as aria2c -j " + ARIA2_JOBS, startup),
                ToolReport.goal(rows, WORKLOAD, "wget", 1.0, "at least as fast as wget -i", startup)));
        if (largeBytes > 0) {
            goals.add(ToolReport.goal(rows, LARGE, "curl", 1.0, "at least as fast as curl -o", startup));
        }
        return new ToolReport("download", command, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                ToolReport.Machine.here(), notes, startup, rows, goals);
    }

    private List<ToolContender> contenders(List<String> notes) throws IOException, InterruptedException {
        List<ToolContender> contenders = new ArrayList<>();
        String version = weft.version();
        contenders.add(weft.contender(ToolContender.WEFT, version,
                (list, to) -> List.of("download", "-i", list.toString(), "-d", to.toString())));
        contenders.add(weft.contender("weft --parallel " + ARIA2_JOBS, version, (list, to) -> List.of("download", "-i",
                list.toString(), "-d", to.toString(), "--parallel", Integer.toString(ARIA2_JOBS))));
        Optional<NativeTool> wget = NativeTool.locate("wget", "wget");
        Optional<NativeTool> aria2c = NativeTool.locate("aria2c", "aria2");
        if (wget.isPresent()) {
            contenders.add(new ToolContender("wget", wget.get().version(),
                    (list, to) -> List.of(wget.get().path(), "-q", "-i", list.toString(), "-P", to.toString())));
        } else {
            notes.add("wget is not installed and could not be installed (apt-get install wget, as root): left out.");
        }
        if (aria2c.isPresent()) {
            contenders.add(new ToolContender("aria2c", aria2c.get().version(), (list, to) -> List.of(aria2c.get().path(),
                    "-q", "-j", Integer.toString(ARIA2_JOBS), "-i", list.toString(), "-d", to.toString())));
        } else {
            notes.add("aria2c is not installed and could not be installed (apt-get install aria2, as root): left out.");
        }
        return contenders;
    }

    /** weft (with its defaults), curl -o and aria2c, for the one large file at {@code url}. */
    private static List<ToolContender> largeContenders(List<ToolContender> all, String url)
            throws IOException, InterruptedException {
        List<ToolContender> large = new ArrayList<>();
        all.stream().filter(ToolContender::isWeft).forEach(large::add);
        Optional<NativeTool> curl = NativeTool.locate("curl", "curl");
        if (curl.isPresent()) {
            large.add(new ToolContender("curl", curl.get().version(), (list, to) -> List.of(curl.get().path(), "-s", "-f",
                    "--create-dirs", "-o", to.resolve(LARGE_NAME).toString(), url)));
        }
        all.stream().filter(c -> c.name().equals("aria2c")).forEach(large::add);
        return large;
    }

    /** The small files only: the large one is served from the same folder but is not in their URL list. */
    private static TreeStats small(Path site) throws IOException {
        Path large = site.resolve(LARGE_NAME);
        TreeStats all = TreeStats.of(site);
        return Files.exists(large) ? new TreeStats(all.files() - 1, all.bytes() - Files.size(large)) : all;
    }

    private static Path urlList(Path list, Path site, int port) throws IOException {
        List<String> urls;
        try (Stream<Path> all = Files.list(site)) {
            urls = all.filter(file -> !file.getFileName().toString().equals(LARGE_NAME)).map(file -> "http://127.0.0.1:" + port + "/" + file.getFileName()).sorted().toList();
        }
        Files.write(list, urls, StandardCharsets.UTF_8);
        return list;
    }
}
