package dev.weft.http;

/**
 * A request the server refuses, carrying the status to answer with (400, 408, 413, 414, 431, 501, 505)
 * and, in the message, the bad input. Thrown by the parser and by request body streams; a handler may
 * throw it too. After one of these the connection is closed.
 */
public final class HttpProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpProtocolException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
