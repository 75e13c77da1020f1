package dev.weft.http.h1;

import java.io.IOException;

/**
 * A server's response that breaks HTTP/1.1 framing: a bad status line, a malformed or oversized head, a broken chunk.
 * The message names the bad input ("malformed status line 'HTTP/1.1 2OO OK'"); the connection cannot be trusted after.
 */
public final class MalformedResponseException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }
}
