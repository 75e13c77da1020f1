package dev.weft.web;

/**
 * A request the app refuses with a status (400 bad JSON, 404, 413 field too large, 415 ...), carrying the
 * bad input in its message. Unlike the server's protocol errors it keeps the connection open; the app
 * answers it with its error page (404s with the app's not-found page) unless a mapper takes it.
 */
public final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public HttpError(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
