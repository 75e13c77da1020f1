package dev.weft.services.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fetches several files into one directory in parallel: N workers, each with one connection that it
 * reuses for file after file (a fresh one after a failure). One file failing does not stop the others. The workers
 * are platform threads, as few as the parallelism asked for: a 1 GiB get took 0.1 s longer on a virtual thread, whose
 * every read that finds the socket empty parks and goes through the JDK's poller (issue 27).
 */
public final class Downloads {

    /** What happened to one requested file: a result, or the failure. */
    public record Outcome(String remote, Download.Result result, IOException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** How to reach the server and which protocol to speak. */
    public record Source(Endpoint endpoint, ClientTls tls, Duration timeout, boolean raw) {
    }

    private Downloads() {
    }

    /**
     * Downloads each remote path to its target file, at most {@code parallel} at a time; returns one
     * outcome per path, in the map's order. {@link #targets} makes the map for "everything into one directory".
     */
    public static List<Outcome> fetch(Source source, Map<String, Path> targets, int parallel,
                                      TransferListener listener) throws InterruptedException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(targets.keySet());
        Map<String, Outcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("weft-files-get-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < Math.min(parallel, targets.size()); i++) {
                running.add(workers.submit(() -> work(source, queue, targets, outcomes, listener)));
            }
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a download worker failed", e.getCause());
                }
            }
        }
        return targets.keySet().stream().map(outcomes::get).toList();
    }

    private static void work(Source source, ConcurrentLinkedQueue<String> queue, Map<String, Path> targets,
                             Map<String, Outcome> outcomes, TransferListener listener) {
        FilesClient client = null;
        try {
            for (String remote = queue.poll(); remote != null; remote = queue.poll()) {
                try {
                    Download.Result result;
                    if (source.raw()) {
                        result = RawClient.get(source.endpoint(), source.tls(), source.timeout(), remote, targets.get(remote), listener);
                    } else {
                        if (client == null) {
                            client = FilesClient.connect(source.endpoint(), source.tls(), source.timeout());
                        }
                        result = client.get(remote, targets.get(remote), listener);
                    }
                    outcomes.put(remote, new Outcome(remote, result, null));
                } catch (IOException e) {
                    outcomes.put(remote, new Outcome(remote, null, e));
                    if (!(e instanceof FilesException)) {
                        client = close(client); // the connection is in an unknown state: start a new one
                    }
                }
            }
        } finally {
            close(client);
        }
    }

    private static FilesClient close(FilesClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // closing a broken connection: the failure is already recorded
            }
        }
        return null;
    }

    /**
     * The local file for each remote path, in order and without repeats: {@code dir} plus the path's last segment.
     *
     * @throws IllegalArgumentException when two paths would land on the same local name
     */
    public static Map<String, Path> targets(List<String> remotes, Path dir) {
        Map<String, Path> targets = new java.util.LinkedHashMap<>();
        Map<Path, String> claimed = new java.util.HashMap<>();
        for (String remote : remotes) {
            Path target = dir.resolve(localName(remote));
            String other = claimed.putIfAbsent(target, remote);
            if (other != null && !other.equals(remote)) {
                throw new IllegalArgumentException("'" + other + "' and '" + remote + "' would both be saved as " + target);
            }
            targets.put(remote, target);
        }
        return targets;
    }

    /**
     * The file name a download of {@code remote} gets locally: its last segment.
     *
     * @throws IllegalArgumentException naming {@code remote} when it ends in no usable name
     */
    public static String localName(String remote) {
        String[] segments = remote.split("[/\\\\]");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        if (last.isEmpty() || last.equals(".") || last.equals("..") || last.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("no file name at the end of '" + remote + "'");
        }
        return last;
    }
}
