package dev.weft.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MutableRequest;

import dev.weft.client.ClientTrust;

/**
 * The client behind {@code weft get} and {@code weft post}: the JDK's HttpClient through Methanol (form and
 * streamed multipart bodies, transparent gzip). It adds what curl users expect and the JDK leaves out: redirects
 * counted and shown, an idle timeout on the body as well as the head, a deadline for the whole transfer, and
 * failures as one line that says why ("connection refused", "timed out after 30 s").
 */
public final class WebClient {

    /** Request headers that carry credentials: never sent on to another origin by a redirect. */
    private static final Set<String> ORIGIN_BOUND = Set.of("authorization", "cookie", "proxy-authorization");

    /** A failure to reach the server, a timeout, or a bad URL, as one line for the user. */
    public static final class ClientException extends IOException {
        private static final long serialVersionUID = 1L;

        public ClientException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * How the client behaves.
     *
     * @param connectTimeout how long connecting may take
     * @param idleTimeout    how long the server may stay silent, before the head and between body bytes
     * @param maxTime        the whole exchange's limit (null for none)
     * @param trust          whom TLS trusts
     * @param maxRedirects   redirects followed (0: none, the 3xx is the answer)
     * @param trace          hears "> request" and "< response" head lines (-v); null for none
     */
    public record Settings(Duration connectTimeout, Duration idleTimeout, Duration maxTime, ClientTrust trust,
                           int maxRedirects, Consumer<String> trace) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, ClientTrust.system(), 10, null);
        }
    }

    /** One request: method, URL, headers (name, value) and a body (null for none). */
    public record Request(String method, URI uri, List<String[]> headers, BodyPublisher body) {
    }

    private final Methanol client;
    private final Settings settings;

    public WebClient(Settings settings) {
        this.settings = settings;
        Methanol.Builder builder = Methanol.newBuilder()
                .autoAcceptEncoding(true)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .userAgent("weft")
                .sslContext(settings.trust().context());
        this.client = builder.build();
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
                throw new URISyntaxException(Credentials.hide(full), "expected an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ClientException("bad URL '" + Credentials.hide(url) + "': " + e.getReason(), e);
        }
    }

    /**
     * Sends the request, following redirects as the settings allow, and returns once the final head has arrived;
     * the caller reads (and closes) the body.
     */
    public Reply open(Request first) throws IOException {
        Deadline deadline = new Deadline(settings.idleTimeout(), settings.maxTime());
        Request request = first;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = send(request, deadline);
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (!redirect || location == null || settings.maxRedirects() == 0) {
                return new Reply(response, deadline, Credentials.hide(request.uri()));
            }
            if (redirects == settings.maxRedirects()) {
                response.body().close();
                throw new ClientException("stopped after " + redirects + " redirects (--max-redirs) at "
                        + Credentials.hide(request.uri()), null);
            }
            response.body().close();
            URI next = request.uri().resolve(location);
            boolean keepMethod = status == 307 || status == 308 || request.method().equals("HEAD");
            List<String[]> headers = request.headers();
            if (!sameOrigin(request.uri(), next)) {
                // credentials belong to the origin they were given for (curl since CVE-2022-27776)
                headers = headers.stream().filter(h -> !ORIGIN_BOUND.contains(h[0].toLowerCase(Locale.ROOT))).toList();
            }
            request = keepMethod ? new Request(request.method(), next, headers, request.body())
                    : new Request("GET", next, headers, null);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private HttpResponse<InputStream> send(Request request, Deadline deadline) throws IOException {
        URI target = Credentials.strip(request.uri());
        MutableRequest built = MutableRequest.create(target)
                .method(request.method(), request.body() == null ? BodyPublishers.noBody() : request.body())
                .timeout(deadline.headTimeout());
        if (target.getScheme().equals("http")) {
            built.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade offer, which nearly no server takes
        }
        request.headers().forEach(h -> built.header(h[0], h[1]));
        trace("> " + request.method() + " " + pathOf(target) + " HTTP/1.1");
        trace("> Host: " + target.getRawAuthority());
        request.headers().forEach(h -> trace("> " + h[0] + ": " + (h[0].equalsIgnoreCase("Authorization")
                ? h[1].split(" ", 2)[0] + " <hidden>" : h[1])));
        HttpResponse<InputStream> response;
        try {
            response = client.send(built, BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(e, request.uri(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        trace("< " + (response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1") + " " + response.statusCode());
        response.headers().map().forEach((name, values) -> values.forEach(v -> trace("< " + name + ": " + v)));
        return response;
    }

    private void trace(String line) {
        if (settings.trace() != null) {
            settings.trace().accept(line);
        }
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** One line for a failed exchange: what could not be reached and why. */
    ClientException failure(IOException e, URI uri, Deadline deadline) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = authority(uri);
        if (root instanceof UnknownHostException || root instanceof java.nio.channels.UnresolvedAddressException) {
            return new ClientException("cannot resolve host " + uri.getHost(), e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new ClientException("cannot connect to " + where + ": timed out after "
                    + seconds(settings.connectTimeout()), e);
        }
        if (e instanceof ConnectException || root instanceof ConnectException) {
            return new ClientException("cannot connect to " + where + ": connection refused", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ClientException(deadline.timeoutMessage(where), e);
        }
        if (e instanceof SSLHandshakeException || root instanceof java.security.cert.CertificateException) {
            return new ClientException("TLS with " + where + " failed: " + ClientTrust.refusal(e), e);
        }
        if (e instanceof SSLException && uri.getScheme().equals("https")) {
            return new ClientException("TLS with " + where + " failed: " + e.getMessage()
                    + " (is it a plain-text port? try http://)", e);
        }
        if (uri.getScheme().equals("http") && speaksTls(uri)) {
            return new ClientException(where + " did not answer in HTTP (a TLS port? try https://)", e);
        }
        String reason = root.getMessage() == null || root.getMessage().isBlank() || root.getMessage().startsWith("EOF reached")
                ? "the server closed the connection without an answer" : root.getMessage();
        return new ClientException("request to " + Credentials.hide(uri) + " failed: " + reason, e);
    }

    /** Whether the server answers plain text with a TLS record (an alert): a plain URL pointed at a TLS port. */
    private boolean speaksTls(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        int millis = (int) Math.min(5_000, settings.connectTimeout().toMillis());
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress(uri.getHost(), port), millis);
            probe.setSoTimeout(millis);
            probe.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            int first = probe.getInputStream().read();
            return first == 0x15 || first == 0x16;
        } catch (IOException e) {
            return false;
        }
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String authority(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return uri.getHost() + " port " + port;
    }

    /**
     * The final answer: status and head, and the body as it arrives. Reading the body is watched: no byte for the
     * idle timeout, or the whole exchange past {@code --max-time}, ends it with a one-line failure.
     */
    public static final class Reply implements AutoCloseable {
        private final HttpResponse<InputStream> response;
        private final Deadline deadline;
        private final URI uri;

        Reply(HttpResponse<InputStream> response, Deadline deadline, URI uri) {
            this.response = response;
            this.deadline = deadline;
            this.uri = uri;
        }

        public int status() {
            return response.statusCode();
        }

        public HttpHeaders headers() {
            return response.headers();
        }

        /** The URL that gave this answer, after redirects, without credentials. */
        public URI uri() {
            return uri;
        }

        /** The status line and headers as curl's {@code -i} shows them, CRLF-terminated, blank line included. */
        public String head() {
            StringBuilder head = new StringBuilder(response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2 " : "HTTP/1.1 ")
                    .append(status()).append("\r\n");
            headers().map().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
            return head.append("\r\n").toString();
        }

        /**
         * Copies the body to {@code out} as it arrives (flushed after each read, so a body that ends at close is
         * seen as it comes); {@code progress} hears (total, so far). Returns the byte count.
         */
        public long copyTo(OutputStream out, Progress progress) throws IOException {
            long total = headers().firstValueAsLong("Content-Length").orElse(-1);
            long count = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = response.body(); Deadline.Watch watch = deadline.watch()) {
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        if (watch.expired() != null) {
                            throw new ClientException(watch.expired() + " after " + count + " bytes", e);
                        }
                        throw new ClientException("connection to " + authority(uri) + " broke after " + count
                                + " bytes" + (total >= 0 ? " of " + total : ""), e);
                    }
                    if (n < 0) {
                        break;
                    }
                    watch.progressed();
                    out.write(buffer, 0, n);
                    out.flush();
                    count += n;
                    progress.update(total, count);
                }
            }
            if (total >= 0 && count < total && !"HEAD".equals(response.request().method())
                    && headers().firstValue("Content-Encoding").isEmpty()) {
                throw new ClientException("connection to " + authority(uri) + " closed after " + count + " of " + total + " bytes", null);
            }
            progress.done(count);
            return count;
        }

        /** Drops the body unread. */
        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }

    /** Told about download progress. */
    public interface Progress {
        Progress NONE = (total, sofar) -> {
        };

        void update(long total, long sofar);

        default void done(long bytes) {
        }
    }
}
