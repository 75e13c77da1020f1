package dev.weft.tools.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
 * Downloads many URLs at once: a virtual thread per URL, at most {@code parallel} holding a slot, each fetching over
 * weft's own HTTP/1.1 client ({@link Exchange}) into a read buffer from a shared pool, on connections kept for the
 * next fetch from the same server. The seed's gevent downloader, with retries, resume, safe names and one report.
 */
public final class Downloader {

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
        ReadBuffers buffers = new ReadBuffers(options.parallel());
        try (Connections connections = new Connections();
             ExecutorService threads = Executors.newThreadPerTaskExecutor(
                     Thread.ofVirtual().name("download-", 0).factory())) {
            for (URI url : options.urls()) {
                Fetch fetch = new Fetch(url, options, buffers, connections, names, progress);
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
