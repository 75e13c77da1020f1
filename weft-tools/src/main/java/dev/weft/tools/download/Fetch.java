package dev.weft.tools.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.client.LocalFileException;
import dev.weft.tools.progress.FailureReason;
import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;

/**
 * One URL, from request to file. The body goes to a temp file whose name comes from the URL
 * ({@code .weft-<hash>.part}), so an attempt after a dropped connection, or a rerun after a crash, finds the bytes it
 * already has and asks for the rest with {@code Range} ({@code If-Range} guards against a file that changed meanwhile).
 * Connection errors, timeouts, stalls and 5xx are retried with back-off; other 4xx end the fetch at once.
 */
final class Fetch {

    private static final Logger LOG = LoggerFactory.getLogger(Fetch.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");
    private static final int BUFFER = 64 * 1024;

    private final URI url;
    private final Path temp;
    private final DownloadOptions options;
    private final HttpClient client;
    private final SaveNames names;
    private final StallGuard guard;
    private final Progress progress;
    private String validator;
    private boolean sizeAnnounced;
    private long reported;

    Fetch(URI url, DownloadOptions options, HttpClient client, SaveNames names, StallGuard guard, Progress progress) {
        this.url = url;
        this.temp = options.directory().resolve(".weft-" + hash(url) + ".part");
        this.options = options;
        this.client = client;
        this.names = names;
        this.guard = guard;
        this.progress = progress;
    }

    /** Tries up to 1 + retries times; the outcome says where the file went or why it failed. */
    Outcome run() throws InterruptedException {
        Backoff backoff = new Backoff(options.backoff());
        IOException last = null;
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(backoff.delay(attempt));
            }
            try {
                return attempt();
            } catch (LocalFileException e) {
                return Outcome.failed(url.toString(), e.getMessage()); // the folder will not get better by waiting
            } catch (StatusFailure e) {
                if (!e.retryable()) {
                    return Outcome.failed(url.toString(), e.getMessage());
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
            LOG.debug("attempt {} of {} failed: {}", attempt + 1, url, last.toString());
        }
        int attempts = options.retries() + 1;
        return Outcome.failed(url.toString(), FailureReason.describe(last)
                + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")");
    }

    private Outcome attempt() throws IOException, InterruptedException {
        long have = sizeOnDisk();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(options.timeout()).GET();
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // HTTP/2 over TLS comes by ALPN; on plain http the client would offer an h2c upgrade nearly no server takes
            request.version(HttpClient.Version.HTTP_1_1);
        }
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
            if (validator != null) {
                request.header("If-Range", validator);
            }
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            HttpHeaders headers = response.headers();
            int status = response.statusCode();
            if (status == 416 && have > 0) {
                return alreadyComplete(headers, have);
            }
            if (status != 200 && status != 206) {
                throw new StatusFailure(url, status);
            }
            long start = 0;
            long total = headers.firstValueAsLong("Content-Length").orElse(-1);
            if (status == 206) {
                long[] range = contentRange(headers, have);
                start = range[0];
                total = range[1];
            }
            remember(headers, total);
            account(start);
            long size = receive(body, start > 0, total);
            if (total >= 0 && size != total) {
                throw new IOException("connection closed after " + size + " of " + total + " bytes");
            }
            return save(RemoteName.of(url, headers), size);
        }
    }

    /** A 416 to our Range: the partial file may hold the whole body already, else it is stale and goes. */
    private Outcome alreadyComplete(HttpHeaders headers, long have) throws IOException {
        Matcher unsatisfied = UNSATISFIED_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        if (unsatisfied.matches() && Long.parseLong(unsatisfied.group(1)) == have) {
            account(have);
            return save(RemoteName.of(url, headers), have);
        }
        Files.delete(temp);
        throw new IOException("server refused to resume at byte " + have);
    }

    /** The start and total of a 206 answer; it must start where our file ends. */
    private long[] contentRange(HttpHeaders headers, long have) throws IOException {
        String value = headers.firstValue("Content-Range").orElse("");
        Matcher range = CONTENT_RANGE.matcher(value);
        if (!range.matches() || Long.parseLong(range.group(1)) != have) {
            Files.deleteIfExists(temp);
            throw new IOException("server resumed with Content-Range '" + value + "', not at byte " + have);
        }
        return new long[] {have, range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3))};
    }

    /** Keeps the validator for If-Range and tells the progress the size, once. */
    private void remember(HttpHeaders headers, long total) {
        Optional<String> etag = headers.firstValue("ETag").filter(tag -> !tag.startsWith("W/"));
        validator = etag.or(() -> headers.firstValue("Last-Modified")).orElse(null);
        if (total >= 0 && !sizeAnnounced) {
            sizeAnnounced = true;
            progress.planned(0, total);
        }
    }

    /** Makes the progress count exactly the bytes this file has from {@code start} on. */
    private void account(long start) {
        progress.transferred(start - reported);
        reported = start;
    }

    /** Appends or writes the body to the temp file; a failed read says how far it got and why. */
    private long receive(InputStream body, boolean append, long total) throws IOException {
        StallGuard.Watch watch = guard.watch();
        try (OutputStream out = openTemp(append)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = read(body, buffer, watch, total)) >= 0) {
                write(out, buffer, n);
                reported += n;
                progress.transferred(n);
                watch.progressed();
            }
        } finally {
            watch.close();
        }
        return sizeOnDisk();
    }

    private OutputStream openTemp(boolean append) throws LocalFileException {
        try {
            return Files.newOutputStream(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw LocalFileException.of("write into", options.directory(), e);
        }
    }

    private void write(OutputStream out, byte[] buffer, int n) throws LocalFileException {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw LocalFileException.of("write into", options.directory(), e);
        }
    }

    private int read(InputStream body, byte[] buffer, StallGuard.Watch watch, long total) throws IOException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            String got = reported + (total >= 0 ? " of " + total : "") + " bytes";
            if (watch.stalled()) {
                throw new IOException("no data for " + options.timeout().toMillis() + " ms after " + got, e);
            }
            throw new IOException("connection closed after " + got, e);
        }
    }

    private Outcome save(String name, long size) throws IOException {
        Path saved;
        try {
            saved = names.moveIntoPlace(temp, name);
        } catch (IOException e) {
            throw LocalFileException.of("save", options.directory().resolve(name), e);
        }
        return Outcome.done(options.directory().relativize(saved).toString(), size);
    }

    /** The temp file's size, 0 when there is none (most fetches start with none: asked without an exception). */
    private long sizeOnDisk() throws IOException {
        if (!Files.exists(temp)) {
            return 0;
        }
        try {
            return Files.size(temp);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static String hash(URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
