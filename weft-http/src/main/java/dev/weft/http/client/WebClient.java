package dev.weft.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.mizosoft.methanol.FormBodyPublisher;
import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MultipartBodyPublisher;
import com.github.mizosoft.methanol.MutableRequest;

/**
 * The client behind {@code weft get} and {@code weft post}: the JDK's HttpClient through Methanol, which
 * adds what the JDK lacks (form and streamed multipart bodies, transparent gzip decoding).
 */
public final class WebClient {

    /** A failure to reach the server or a bad URL, as one line for the user. */
    public static final class ClientException extends IOException {
        private static final long serialVersionUID = 1L;

        public ClientException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A response whose body was streamed to {@code out}. */
    public record Result(int status, java.net.http.HttpHeaders headers, long bytes) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final Methanol client;

    public WebClient(Duration timeout) {
        this.client = Methanol.newBuilder()
                .autoAcceptEncoding(true)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .userAgent("weft")
                .build();
    }

    /** Parses a URL, adding {@code http://} when no scheme is given, and appends query parameters. */
    public static URI uri(String url, Map<String, List<String>> params) throws ClientException {
        String full = url.contains("://") ? url : "http://" + url;
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> values.forEach(value -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        if (!query.isEmpty()) {
            full += (full.contains("?") ? "&" : "?") + query;
        }
        try {
            URI uri = new URI(full);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(full, "expected an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ClientException("bad URL '" + url + "': " + e.getReason(), e);
        }
    }

    /** GET (or HEAD) {@code uri}, streaming the body into {@code out}; {@code progress} hears (total, sofar). */
    public Result get(URI uri, List<String[]> headers, boolean head, OutputStream out, Progress progress) throws IOException {
        MutableRequest request = MutableRequest.create(uri).method(head ? "HEAD" : "GET", BodyPublishers.noBody());
        headers.forEach(h -> request.header(h[0], h[1]));
        return send(request, out, progress);
    }

    /** POSTs a form, a multipart upload (when there are files) or a JSON file as the body. */
    public Result post(URI uri, List<String[]> headers, List<String[]> fields, List<String[]> files, Path json,
                       OutputStream out) throws IOException {
        BodyPublisher body;
        if (json != null) {
            body = BodyPublishers.ofFile(json);
            headers = new java.util.ArrayList<>(headers);
            headers.add(new String[] {"Content-Type", "application/json"});
        } else if (!files.isEmpty()) {
            MultipartBodyPublisher.Builder multipart = MultipartBodyPublisher.newBuilder();
            fields.forEach(f -> multipart.textPart(f[0], f[1]));
            for (String[] file : files) {
                multipart.filePart(file[0], Path.of(file[1]));
            }
            body = multipart.build();
        } else {
            FormBodyPublisher.Builder form = FormBodyPublisher.newBuilder();
            fields.forEach(f -> form.query(f[0], f[1]));
            body = form.build();
        }
        MutableRequest request = MutableRequest.POST(uri, body);
        headers.forEach(h -> request.header(h[0], h[1]));
        return send(request, out, Progress.NONE);
    }

    private Result send(MutableRequest request, OutputStream out, Progress progress) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, BodyHandlers.ofInputStream());
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof UnknownHostException || root instanceof java.nio.channels.UnresolvedAddressException) {
                throw new ClientException("cannot resolve host " + request.uri().getHost(), e);
            }
            if (e instanceof ConnectException) {
                throw new ClientException("cannot connect to " + authority(request.uri()) + ": "
                        + (root.getMessage() == null ? "connection refused" : root.getMessage()), e);
            }
            throw new ClientException("request to " + request.uri() + " failed: " + (root.getMessage() == null ? root : root.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long count = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                count += n;
                progress.update(total, count);
            }
        }
        out.flush();
        progress.done(count);
        return new Result(response.statusCode(), response.headers(), count);
    }

    private static String authority(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return uri.getHost() + " port " + port;
    }

    /** Told about download progress. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void update(long total, long sofar) {
            }
        };

        void update(long total, long sofar);

        default void done(long bytes) {
        }
    }

    /** Writes a file atomically: to a temp file beside it, moved into place once complete. */
    public static Path saveAtomically(Path target, IoConsumer<OutputStream> writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.accept(out);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A consumer that may throw IOException. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

}
