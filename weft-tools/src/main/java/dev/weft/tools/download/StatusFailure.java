package dev.weft.tools.download;

import java.io.IOException;
import java.net.URI;

/**
 * A server answered with a status that is not a file: 5xx, 408 and 429 are worth retrying, other 4xx are not.
 * Carries the URL and the status; the message is what the report shows ("HTTP 404").
 */
final class StatusFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient URI url;
    private final int status;

    StatusFailure(URI url, int status) {
        this(url, status, "");
    }

    /** With {@code detail} after the status in the message: "HTTP 301 (a redirect from https to http is not followed)". */
    StatusFailure(URI url, int status, String detail) {
        super("HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.url = url;
        this.status = status;
    }

    URI url() {
        return url;
    }

    int status() {
        return status;
    }

    boolean retryable() {
        return status >= 500 || status == 408 || status == 429;
    }
}
