package dev.weft.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP-level settings of one server, beside the engine's {@link dev.weft.engine.ServerConfig}
 * (which holds the address, model, connection limit and idle keep-alive timeout).
 *
 * @param maxBodySize   largest request body accepted; larger ones get 413
 * @param headerTimeout how long a client may take to send a request's head once it has started; then 408
 * @param serverName    the {@code Server} header value
 * @param accessLog     told about every response sent (never null; {@link AccessLog#NONE} for none)
 */
public record HttpSettings(long maxBodySize, Duration headerTimeout, String serverName, AccessLog accessLog) {

    /** The request line limit: longer lines get 414. */
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    /** The header section limit in bytes: larger sections get 431. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The header field count limit: more fields get 431. */
    public static final int MAX_HEADER_FIELDS = 100;

    public static final HttpSettings DEFAULT = new HttpSettings(64L << 20, Duration.ofSeconds(10), "weft", AccessLog.NONE);

    public HttpSettings {
        if (maxBodySize < 0) {
            throw new IllegalArgumentException("maxBodySize must not be negative, not " + maxBodySize);
        }
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("headerTimeout must be positive, not " + headerTimeout);
        }
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(accessLog, "accessLog");
    }

    public HttpSettings withMaxBodySize(long bytes) {
        return new HttpSettings(bytes, headerTimeout, serverName, accessLog);
    }

    public HttpSettings withHeaderTimeout(Duration timeout) {
        return new HttpSettings(maxBodySize, timeout, serverName, accessLog);
    }

    public HttpSettings withServerName(String name) {
        return new HttpSettings(maxBodySize, headerTimeout, name, accessLog);
    }

    public HttpSettings withAccessLog(AccessLog log) {
        return new HttpSettings(maxBodySize, headerTimeout, serverName, log);
    }
}
