package dev.weft.http;

/**
 * The one thing a web application gives the HTTP server: a function from a request to a response.
 * The server calls it on a thread that may block (a virtual thread or a model's worker thread) unless the
 * handler says it never blocks, one request at a time per connection, in the order the requests arrived. An exception becomes a 500
 * with an error id that is also logged; a {@link HttpProtocolException} becomes its own status.
 */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request) throws Exception;

    /**
     * Whether the event-loop model may call this handler on its loop thread, for requests without a body. Only for
     * handlers that wait on nothing but the local file system (as nginx serves files from its event loop): one that
     * blocks there stalls every connection of its loop. Other handlers, and every request with a body, run on a
     * virtual thread. The other models ignore this.
     */
    default boolean nonBlocking() {
        return false;
    }

    /** {@code handler}, declared safe to run on an event loop (see {@link #nonBlocking()}). */
    static HttpHandler nonBlocking(HttpHandler handler) {
        return new HttpHandler() {
            @Override
            public HttpResponse handle(HttpRequest request) throws Exception {
                return handler.handle(request);
            }

            @Override
            public boolean nonBlocking() {
                return true;
            }
        };
    }

    /** A handler that answers every request with the same status and plain-text body. */
    static HttpHandler of(int status, String body) {
        return request -> HttpResponse.text(status, body);
    }
}
