package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.weft.client.LocalFileException;
import dev.weft.tools.download.DownloadOptions;
import dev.weft.tools.download.Downloader;
import dev.weft.tools.download.UrlList;
import dev.weft.tools.progress.ConsoleProgress;
import dev.weft.tools.progress.InteractiveConsole;
import dev.weft.tools.progress.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft download}: reads the URLs, runs the concurrent downloader, prints a line per file and the report. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download many URLs at once over HTTP/1.1 (http and https) on virtual threads.",
                "Retries connection errors and 5xx with back-off, resumes partial files with Range, "
                        + "and never overwrites a file: a taken name gets a -1, -2... suffix."})
final class DownloadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL", arity = "0..*", description = "http or https URLs to download.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "LIST",
            description = "Read URLs from a file, one per line ('#' starts a comment); '-' reads standard input.")
    String list;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory to save into (created if missing; default: the current one).")
    Path directory;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "Downloads at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries after a connection error, stall or 5xx (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "Longest wait for a response or for more of a body: 500ms, 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    TrustOptions trust;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DownloadOptions options = options();
        try (ConsoleProgress display = ConsoleProgress.open("download", spec.commandLine().getOut(),
                InteractiveConsole.present(), true)) {
            Report report = Downloader.download(options, display);
            display.conclude(report, "downloaded", spec.commandLine().getErr());
            return report.ok() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        } catch (UncheckedIOException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("download interrupted; run it again to resume the partial files", e);
        }
    }

    private DownloadOptions options() {
        try {
            List<URI> all = new ArrayList<>();
            for (String url : urls) {
                all.add(UrlList.parse(url));
            }
            if (list != null) {
                all.addAll(readList());
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no URLs: give URLs or -i LIST");
            }
            DownloadOptions options = DownloadOptions.of(all, directory).withParallel(parallel).withRetries(retries)
                    .withTimeout(timeout);
            // without trust options the JDK's trust store is loaded only if an https URL needs it (50-90 ms of start-up)
            boolean chosen = trust.cacert != null || trust.pin != null || trust.insecure;
            return chosen ? options.withTrust(trust.trust(spec.commandLine().getErr())) : options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private List<URI> readList() {
        try (BufferedReader reader = list.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(list), StandardCharsets.UTF_8)) {
            return UrlList.read(reader, list.equals("-") ? "standard input" : list);
        } catch (IOException e) {
            throw new CommandFailure(LocalFileException.of("read the URL list", Path.of(list), e).getMessage(), e);
        }
    }
}
