package dev.weft.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as a handler sees it: the request line, the header fields, and the body as a stream
 * that ends where the message ends (by Content-Length or chunked framing; the server decodes chunks).
 * Reading the body past the server's maximum throws {@link HttpProtocolException} with 413.
 */
public final class HttpRequest {

    /** The body length when the body is chunked and its length is unknown until it ends. */
    public static final long CHUNKED = -1;

    private final String method;
    private final String target;
    private final String version;
    private final HttpHeaders headers;
    private final InputStream body;
    private final long contentLength;
    private final InetSocketAddress remoteAddress;
    private final boolean secure;
    private final int queryStart;
    private String path;
    private Map<String, List<String>> queryParameters;

    /**
     * @param method        the method token as sent, e.g. {@code GET}
     * @param target        the request target as sent: {@code /a%20b?x=1} (absolute-form targets are reduced to it)
     * @param version       {@code HTTP/1.1} or {@code HTTP/1.0}
     * @param contentLength the body length, 0 for none, or {@link #CHUNKED}
     */
    public HttpRequest(String method, String target, String version, HttpHeaders headers, InputStream body,
                       long contentLength, InetSocketAddress remoteAddress, boolean secure) {
        this.method = Objects.requireNonNull(method, "method");
        this.target = Objects.requireNonNull(target, "target");
        this.version = Objects.requireNonNull(version, "version");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? InputStream.nullInputStream() : body;
        this.contentLength = contentLength;
        this.remoteAddress = remoteAddress;
        this.secure = secure;
        this.queryStart = target.indexOf('?');
    }

    /** A request with a body from bytes, for tests and in-process calls. */
    public static HttpRequest of(String method, String target, HttpHeaders headers, byte[] body) {
        return new HttpRequest(method, target, "HTTP/1.1", headers, new ByteArrayInputStream(body), body.length,
                null, false);
    }

    public String method() {
        return method;
    }

    /** The request target as sent (path and query, still percent-encoded). */
    public String target() {
        return target;
    }

    public String version() {
        return version;
    }

    /** The path part of the target, still percent-encoded: {@code /a%20b}. */
    public String rawPath() {
        return queryStart < 0 ? target : target.substring(0, queryStart);
    }

    /**
     * The path part of the target, percent-decoded as UTF-8: {@code /a b}. Note that {@code %2F} decodes to
     * a slash here; code that maps paths to files must work segment by segment from {@link #rawPath()}.
     *
     * @throws HttpProtocolException 400 when the encoding is malformed
     */
    public String path() {
        if (path == null) {
            path = PercentDecoding.decode(rawPath(), false);
        }
        return path;
    }

    /** The query string after {@code ?}, still encoded, or the empty string when there is none. */
    public String query() {
        return queryStart < 0 ? "" : target.substring(queryStart + 1);
    }

    /** The query parameters, decoded ({@code +} is a space), in the order sent; a name may repeat. */
    public Map<String, List<String>> queryParameters() {
        if (queryParameters == null) {
            queryParameters = Collections.unmodifiableMap(PercentDecoding.form(query()));
        }
        return queryParameters;
    }

    /** The first value of a query parameter, or null. */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of a header field (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The body; read it to its end (the server discards what a handler leaves, within a limit). */
    public InputStream body() {
        return body;
    }

    /** Reads the whole body (bounded by the server's maximum body size). */
    public byte[] bodyBytes() throws IOException {
        return body.readAllBytes();
    }

    /** Reads the whole body as UTF-8 text. */
    public String bodyText() throws IOException {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    /** The body length from Content-Length, 0 when there is no body, {@link #CHUNKED} when it is chunked. */
    public long contentLength() {
        return contentLength;
    }

    /** The client's address, or null for a request made in-process. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Whether the request came over TLS. */
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version;
    }

    /** Form-encoded body or query text to parameters; shared with web code decoding form posts. */
    public static Map<String, List<String>> parseForm(String encoded) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(PercentDecoding.form(encoded)));
    }
}
