package dev.weft.http;

import java.net.InetSocketAddress;
import java.time.ZonedDateTime;

/** Told about each response the server sends, for access logs and metrics; must not block for long. */
@FunctionalInterface
public interface AccessLog {

    AccessLog NONE = entry -> { };

    void record(Entry entry);

    /**
     * One exchange.
     *
     * @param remote    the client's address
     * @param user      the authenticated user name, or null
     * @param time      when the request arrived
     * @param requestLine e.g. {@code GET /index.html HTTP/1.1}
     * @param status    the status sent
     * @param bytes     body bytes sent
     * @param referer   the Referer header or null
     * @param userAgent the User-Agent header or null
     */
    record Entry(InetSocketAddress remote, String user, ZonedDateTime time, String requestLine, int status,
                 long bytes, String referer, String userAgent) {
    }
}
