package dev.weft.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.weft.http.HttpResponse;
import dev.weft.http.HttpStatus;
import dev.weft.http.files.MediaTypes;

/**
 * Short ways to build the responses handlers return: text, HTML, JSON, files, streams, redirects and
 * statuses. Each returns a mutable {@link HttpResponse}, so {@code .header(...)} can follow.
 */
public final class Response {

    private Response() {
    }

    public static HttpResponse text(String text) {
        return HttpResponse.text(200, text);
    }

    public static HttpResponse html(String html) {
        return HttpResponse.html(200, html);
    }

    /** {@code value} written as JSON with status 200. */
    public static HttpResponse json(Object value) {
        return json(200, value);
    }

    public static HttpResponse json(int status, Object value) {
        return HttpResponse.json(status, Json.write(value));
    }

    /**
     * A whole file with a Content-Type from its extension.
     *
     * @throws HttpError 404 naming the file when it is not a readable regular file
     */
    public static HttpResponse file(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new HttpError(404, "no such file: " + file.getFileName());
        }
        return HttpResponse.ok().header("Content-Type", MediaTypes.of(file.getFileName().toString())).file(file);
    }

    /** A body copied from {@code in} (closed after sending), sent chunked because its length is unknown. */
    public static HttpResponse stream(InputStream in, String contentType) {
        return HttpResponse.ok().header("Content-Type", contentType).stream(in, dev.weft.http.ResponseBody.UNKNOWN);
    }

    /** A 302 Found to {@code location}. */
    public static HttpResponse redirect(String location) {
        return HttpResponse.redirect(302, location);
    }

    /** A 303 See Other to {@code location}: where to go after a form post. */
    public static HttpResponse seeOther(String location) {
        return HttpResponse.redirect(303, location);
    }

    public static HttpResponse notFound() {
        return status(404);
    }

    /** A response with this status and its reason phrase as a plain-text body. */
    public static HttpResponse status(int status) {
        return HttpResponse.text(status, status + " " + HttpStatus.reason(status) + "\n");
    }

    /** A response with this status and header fields given as alternating names and values, no body. */
    public static HttpResponse status(int status, String... headerNamesAndValues) {
        HttpResponse response = HttpResponse.of(status);
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            response.headers().add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return response;
    }

    /**
     * What a handler's return value means: a response as is; a String as HTML; bytes as
     * {@code application/octet-stream}; null as 204 No Content; anything else as JSON.
     */
    public static HttpResponse of(Object result) {
        return switch (result) {
            case null -> HttpResponse.of(204);
            case HttpResponse response -> response;
            case CharSequence html -> HttpResponse.html(200, html.toString());
            case byte[] bytes -> HttpResponse.ok().header("Content-Type", "application/octet-stream").body(bytes);
            default -> json(result);
        };
    }
}
