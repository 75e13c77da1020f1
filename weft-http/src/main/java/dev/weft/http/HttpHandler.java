package dev.weft.http;

/**
 * The one thing a web application gives the HTTP server: a function from a request to a response.
 * The server calls it on a thread that may block (a virtual thread or a model's worker thread), one
 * request at a time per connection, in the order the requests arrived. An exception becomes a 500
 * with an error id that is also logged; a {@link HttpProtocolException} becomes its own status.
 */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request) throws Exception;

    /** A handler that answers every request with the same status and plain-text body. */
    static HttpHandler of(int status, String body) {
        return request -> HttpResponse.text(status, body);
    }
}
