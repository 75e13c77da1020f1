package dev.weft.tools.download;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLHandshakeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.client.ClientTrust;
import dev.weft.client.LocalFileException;
import dev.weft.http.HttpHeaders;
import dev.weft.http.h1.BodyFraming;
import dev.weft.http.h1.MalformedResponseException;
import dev.weft.http.h1.ResponseHead;
import dev.weft.tools.progress.FailureReason;
import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;

/**
 * One URL, from request to file. The body goes to a temp file whose name comes from the URL
 * ({@code .weft-<hash>.part}), so an attempt after a dropped connection, or a rerun after a crash, finds the bytes it
 * already has and asks for the rest with {@code Range} ({@code If-Range} guards against a file that changed meanwhile).
 * Connection errors, timeouts, stalls and 5xx are retried with back-off; other 4xx, a malformed response and an
 * untrusted certificate end the fetch at once. Redirects (301, 302, 303, 307, 308) are followed up to
 * {@link #MAX_REDIRECTS} times, never from https to http (as the JDK client's {@code Redirect.NORMAL} did).
 */
final class Fetch {

    private static final Logger LOG = LoggerFactory.getLogger(Fetch.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    static final int MAX_REDIRECTS = 5;

    private final URI url;
    private final Path temp;
    private final DownloadOptions options;
    private final ReadBuffers buffers;
    private final Connections connections;
    private final SaveNames names;
    private final Progress progress;
    private String validator;
    private boolean sizeAnnounced;
    private long reported;

    Fetch(URI url, DownloadOptions options, ReadBuffers buffers, Connections connections, SaveNames names,
          Progress progress) {
        this.url = url;
        this.temp = tempFile(options.directory(), url);
        this.options = options;
        this.buffers = buffers;
        this.connections = connections;
        this.names = names;
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
            } catch (LocalFileException | MalformedResponseException e) {
                return Outcome.failed(url.toString(), e.getMessage()); // the folder, or the server, will not get better by waiting
            } catch (SSLHandshakeException e) {
                if (certificateRefused(e)) {
                    return Outcome.failed(url.toString(), ClientTrust.refusal(e));
                }
                last = e;
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

    private Outcome attempt() throws IOException {
        long have = sizeOnDisk();
        Map<String, String> headers = new LinkedHashMap<>();
        if (have > 0) {
            headers.put("Range", "bytes=" + have + "-");
            if (validator != null) {
                headers.put("If-Range", validator);
            }
        }
        ByteBuffer buffer = buffers.take();
        try (Exchange exchange = follow(headers, buffer)) {
            ResponseHead response = exchange.head();
            HttpHeaders fields = response.headers();
            int status = response.status();
            if (status == 416 && have > 0) {
                return alreadyComplete(fields, have);
            }
            if (status != 200 && status != 206) {
                throw new StatusFailure(url, status);
            }
            long start = 0;
            long total = response.framing() instanceof BodyFraming.Length length ? length.bytes() : -1;
            if (status == 206) {
                long[] range = contentRange(fields, have);
                start = range[0];
                total = range[1];
            }
            remember(fields, total);
            account(start);
            long size = receive(exchange, start > 0, total);
            if (total >= 0 && size != total) {
                throw new IOException("connection closed after " + size + " of " + total + " bytes");
            }
            return save(RemoteName.of(url, fields), size);
        } finally {
            buffers.give(buffer);
        }
    }

    /** Sends the GET and follows redirects; the exchange whose answer is not a redirect to follow. */
    private Exchange follow(Map<String, String> headers, ByteBuffer buffer) throws IOException {
        URI at = url;
        for (int redirects = 0; ; redirects++) {
            Exchange exchange = Exchange.open(at, headers, options.timeout(), options::trust, buffer, connections);
            int status = exchange.head().status();
            String location = exchange.head().headers().get("Location");
            if (!REDIRECTS.contains(status) || location == null) {
                return exchange;
            }
            exchange.close();
            if (redirects == MAX_REDIRECTS) {
                throw new StatusFailure(url, status, "more than " + MAX_REDIRECTS + " redirects");
            }
            URI next = redirect(at, status, location);
            if ("https".equalsIgnoreCase(at.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                throw new StatusFailure(url, status, "a redirect from https to http is not followed: " + next);
            }
            LOG.debug("{} redirects {} to {}", status, at, next);
            at = next;
        }
    }

    private URI redirect(URI at, int status, String location) throws StatusFailure {
        try {
            URI next = at.resolve(location);
            if (next.getHost() == null
                    || !("http".equalsIgnoreCase(next.getScheme()) || "https".equalsIgnoreCase(next.getScheme()))) {
                throw new StatusFailure(url, status, "a redirect to '" + location + "', not an http or https URL");
            }
            return next;
        } catch (IllegalArgumentException e) {
            throw new StatusFailure(url, status, "a redirect to a malformed Location '" + location + "'");
        }
    }

    /** A 416 to our Range: the partial file may hold the whole body already, else it is stale and goes. */
    private Outcome alreadyComplete(HttpHeaders headers, long have) throws IOException {
        Matcher unsatisfied = UNSATISFIED_RANGE.matcher(headers.first("Content-Range").orElse(""));
        if (unsatisfied.matches() && Long.parseLong(unsatisfied.group(1)) == have) {
            account(have);
            return save(RemoteName.of(url, headers), have);
        }
        Files.delete(temp);
        throw new IOException("server refused to resume at byte " + have);
    }

    /** The start and total of a 206 answer; it must start where our file ends. */
    private long[] contentRange(HttpHeaders headers, long have) throws IOException {
        String value = headers.first("Content-Range").orElse("");
        Matcher range = CONTENT_RANGE.matcher(value);
        if (!range.matches() || Long.parseLong(range.group(1)) != have) {
            Files.deleteIfExists(temp);
            throw new IOException("server resumed with Content-Range '" + value + "', not at byte " + have);
        }
        return new long[] {have, range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3))};
    }

    /** Keeps the validator for If-Range and tells the progress the size, once. */
    private void remember(HttpHeaders headers, long total) {
        validator = headers.first("ETag").filter(tag -> !tag.startsWith("W/"))
                .or(() -> headers.first("Last-Modified")).orElse(null);
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
    private long receive(Exchange exchange, boolean append, long total) throws IOException {
        FileChannel out = openTemp(append);
        try {
            ByteBuffer chunk;
            while ((chunk = read(exchange, total)) != null) {
                int n = chunk.remaining();
                write(out, chunk);
                reported += n;
                progress.transferred(n);
            }
        } finally {
            close(out);
        }
        return sizeOnDisk();
    }

    private void close(FileChannel out) throws LocalFileException {
        try {
            out.close();
        } catch (IOException e) {
            throw LocalFileException.of("write into", options.directory(), e);
        }
    }

    private FileChannel openTemp(boolean append) throws LocalFileException {
        try {
            return FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw LocalFileException.of("write into", options.directory(), e);
        }
    }

    private void write(FileChannel out, ByteBuffer chunk) throws LocalFileException {
        try {
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw LocalFileException.of("write into", options.directory(), e);
        }
    }

    private ByteBuffer read(Exchange exchange, long total) throws IOException {
        try {
            return exchange.body();
        } catch (MalformedResponseException e) {
            throw e;
        } catch (IOException e) {
            String got = reported + (total >= 0 ? " of " + total : "") + " bytes";
            if (exchange.stalled()) {
                throw new IOException("no data for " + options.timeout().toMillis() + " ms after " + got, e);
            }
            throw new IOException("connection closed after " + got, e);
        }
    }

    /** Whether a handshake failed on the server's certificate, which no retry changes. */
    private static boolean certificateRefused(SSLHandshakeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
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

    /** Where the body of {@code url} collects until it is complete: the same name in every run, for resuming. */
    static Path tempFile(Path directory, URI url) {
        return directory.resolve(".weft-" + hash(url) + ".part");
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
