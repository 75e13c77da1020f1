package dev.weft.tools.download;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.weft.client.ClientTrust;

/**
 * One {@code weft download} run: the URLs (duplicates dropped), the directory to save into, how many downloads run at
 * once, how many times a failed one is retried, how long to wait for a response or for the next bytes of a body, and
 * the first back-off delay (doubled on each retry), and whom TLS trusts (null: the JDK's trust store, loaded only when
 * an https URL needs it; loading it costs a run of plain http URLs about 50-90 ms of start-up).
 */
public record DownloadOptions(List<URI> urls, Path directory, int parallel, int retries, Duration timeout,
                              Duration backoff, ClientTrust trust) {

    public DownloadOptions {
        urls = urls.stream().distinct().toList();
        Objects.requireNonNull(directory, "directory");
        if (parallel < 1 || parallel > 1024) {
            throw new IllegalArgumentException("--parallel must be between 1 and 1024, got " + parallel);
        }
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("--retries must be between 0 and 100, got " + retries);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("back-off must not be negative, got " + backoff);
        }
    }

    /** Eight at once, three retries starting at half a second, 30 seconds timeout. */
    public static DownloadOptions of(List<URI> urls, Path directory) {
        return new DownloadOptions(urls, directory, 8, 3, Duration.ofSeconds(30), Duration.ofMillis(500), null);
    }

    /** Whom TLS trusts: what {@link #withTrust} gave, else the JDK's trust store (loaded on the first call). */
    @Override
    public ClientTrust trust() {
        return trust != null ? trust : ClientTrust.system();
    }

    public DownloadOptions withParallel(int value) {
        return new DownloadOptions(urls, directory, value, retries, timeout, backoff, trust);
    }

    public DownloadOptions withRetries(int value) {
        return new DownloadOptions(urls, directory, parallel, value, timeout, backoff, trust);
    }

    public DownloadOptions withTimeout(Duration value) {
        return new DownloadOptions(urls, directory, parallel, retries, value, backoff, trust);
    }

    /** Whom TLS trusts ({@code --cacert}, {@code --pin}, {@code -k}); the JDK's trust store by default. */
    public DownloadOptions withTrust(ClientTrust value) {
        return new DownloadOptions(urls, directory, parallel, retries, timeout, backoff, value);
    }

    public DownloadOptions withBackoff(Duration value) {
        return new DownloadOptions(urls, directory, parallel, retries, timeout, value, trust);
    }
}
