package dev.weft.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a handler returns: a status, header fields and a {@link ResponseBody}. The server adds
 * {@code Date}, {@code Server}, {@code Content-Length} or {@code Transfer-Encoding} and
 * {@code Connection}; a handler's own values for the framing fields are replaced. Built fluently:
 * {@code HttpResponse.ok().header("Cache-Control", "no-store").body("hi")}.
 */
public final class HttpResponse {

    private static final ResponseBody EMPTY = new ResponseBody.Empty();

    private int status;
    private final HttpHeaders headers = new HttpHeaders();
    private ResponseBody body = EMPTY;

    private HttpResponse(int status) {
        status(status);
    }

    /** A response with this status and no body yet. */
    public static HttpResponse of(int status) {
        return new HttpResponse(status);
    }

    public static HttpResponse ok() {
        return new HttpResponse(200);
    }

    /** A {@code text/plain; charset=utf-8} response. */
    public static HttpResponse text(int status, String text) {
        return of(status).header("Content-Type", "text/plain; charset=utf-8").body(text);
    }

    /** A {@code text/html; charset=utf-8} response. */
    public static HttpResponse html(int status, String html) {
        return of(status).header("Content-Type", "text/html; charset=utf-8").body(html);
    }

    /** An {@code application/json} response from already-encoded JSON text. */
    public static HttpResponse json(int status, String json) {
        return of(status).header("Content-Type", "application/json").body(json);
    }

    /** A redirect ({@code 301, 302, 303, 307, 308}) to {@code location}. */
    public static HttpResponse redirect(int status, String location) {
        return of(status).header("Location", location);
    }

    /**
     * A redirect to a path on this server, built from (part of) a request path. The leading run of slashes,
     * backslashes, their percent-encoded forms and control characters is collapsed to one {@code /}, so
     * the Location can never read as a protocol-relative URL such as {@code //evil.com/} (browsers treat
     * {@code \} as {@code /} and drop tabs and newlines; the class of CVE-2021-28861).
     */
    public static HttpResponse localRedirect(int status, String path) {
        return redirect(status, LocalPath.of(path));
    }

    public int status() {
        return status;
    }

    public HttpResponse status(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must have three digits, not " + status);
        }
        this.status = status;
        return this;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** Sets a header field, replacing any of the same name. */
    public HttpResponse header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public ResponseBody body() {
        return body;
    }

    public HttpResponse body(ResponseBody body) {
        this.body = body == null ? EMPTY : body;
        return this;
    }

    public HttpResponse body(byte[] bytes) {
        return body(new ResponseBody.Bytes(bytes));
    }

    /** A UTF-8 text body; set Content-Type yourself or use {@link #text}/{@link #html}. */
    public HttpResponse body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole file, sent zero-copy where the connection allows. */
    public HttpResponse file(Path path) {
        try {
            return body(new ResponseBody.FileRegion(path, 0, Files.size(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path, e);
        }
    }

    /** A stream body of known length, or of unknown length ({@link ResponseBody#UNKNOWN}) sent chunked. */
    public HttpResponse stream(InputStream in, long length) {
        return body(new ResponseBody.Stream(in, length));
    }

    /** A body written by {@code writer} when the response is sent, chunked. */
    public HttpResponse writer(ResponseBody.BodyWriter writer) {
        return body(new ResponseBody.Writer(writer, ResponseBody.UNKNOWN));
    }

    @Override
    public String toString() {
        return status + " " + HttpStatus.reason(status);
    }
}
