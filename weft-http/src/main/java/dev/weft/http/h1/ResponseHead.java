package dev.weft.http.h1;

import dev.weft.http.HttpHeaders;

/**
 * A parsed response head.
 *
 * @param version   {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param status    the three-digit status code
 * @param reason    the reason phrase, possibly empty
 * @param headers   the header fields as sent
 * @param framing   where the body ends
 * @param keepAlive whether the server keeps the connection open after this response
 * @param size      the head's length in bytes, status line to the empty line included
 */
public record ResponseHead(String version, int status, String reason, HttpHeaders headers, BodyFraming framing,
                           boolean keepAlive, int size) {

    /** A 1xx answer (100 Continue, 103 Early Hints): the real response follows on the same connection. */
    public boolean informational() {
        return status >= 100 && status < 200;
    }
}
