package dev.weft.tools.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import dev.weft.client.LocalFileException;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;
import dev.weft.tools.progress.Tally;

/**
 * Downloads many URLs at once: a virtual thread per URL, at most {@code parallel} holding a slot, all sharing one
 * {@link HttpClient} (HTTP/2 where the server offers it, HTTP/1.1 otherwise). The seed's gevent downloader, with
 * retries, resume, safe names and one report.
 */
public final class Downloader {

    /**
     * The JDK client's read size ({@code jdk.httpclient.bufsize}, 16 KiB by default). With 16 KiB, one 1 GiB body
     * is 65,536 reads, each a new buffer handed from the selector thread to the reader: weft download of 1 GiB from
     * weft serve took 5.0-7.4 s and 4.6 s of CPU; with 256 KiB 2.7-4.2 s and 2.7 s of CPU (issue 27). Set before the
     * first HttpClient is made, which reads it once per JVM; a value given on the command line wins.
     */
    static final int HTTP_READ_BYTES = 256 * 1024;

    static {
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", Integer.toString(HTTP_READ_BYTES));
        }
    }

    private Downloader() {
    }

    /**
     * Creates the folder and proves it takes a file, before any transfer: a folder that cannot be written is one
     * fatal line, not the same failure once per URL after each has been fetched.
     */
    private static void writable(Path directory) {
        try {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw LocalFileException.of("create folder", directory, e);
            }
            try {
                Path probe = Files.createTempFile(directory, ".weft-probe-", ".tmp");
                Files.delete(probe);
            } catch (IOException e) {
                throw LocalFileException.of("write into", directory, e);
            }
        } catch (LocalFileException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Downloads every URL of {@code options} into its directory (created if missing). Failures are in the report, not
     * thrown; an interrupt stops the downloads, keeping their partial files for the next run to resume.
     */
    public static Report download(DownloadOptions options, Progress display) throws InterruptedException {
        writable(options.directory());
        Tally tally = new Tally();
        Progress progress = tally.and(display);
        progress.planned(options.urls().size(), 0);
        SaveNames names = new SaveNames(options.directory());
        Semaphore slots = new Semaphore(options.parallel());
        List<Future<?>> fetches = new ArrayList<>();
        try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().executor(io).connectTimeout(options.timeout())
                     .sslContext(options.trust().context())
                     .followRedirects(HttpClient.Redirect.NORMAL).build();
             StallGuard guard = new StallGuard(options.timeout());
             ExecutorService threads = Executors.newThreadPerTaskExecutor(
                     Thread.ofVirtual().name("download-", 0).factory())) {
            for (URI url : options.urls()) {
                Fetch fetch = new Fetch(url, options, client, names, guard, progress);
                fetches.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        progress.finished(fetch.run());
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("download interrupted");
        }
        for (Future<?> fetch : fetches) {
            try {
                fetch.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("download worker failed: " + e.getCause(), e.getCause());
            }
        }
        return tally.report();
    }
}
