package dev.weft.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How an app's sessions behave: the cookie's name, how long an unused session lives ({@code idle}) and how long
 * any session lives however busy ({@code absolute}). Defaults: {@code weft_session}, 30 minutes, 12 hours.
 */
public record SessionSettings(String cookieName, Duration idle, Duration absolute) {

    public static final SessionSettings DEFAULT = new SessionSettings("weft_session", Duration.ofMinutes(30), Duration.ofHours(12));

    public SessionSettings {
        Objects.requireNonNull(cookieName, "cookieName");
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive: idle " + idle + ", absolute " + absolute);
        }
        Cookie.of(cookieName, "x"); // checks the name
    }

    public SessionSettings withIdle(Duration idle) {
        return new SessionSettings(cookieName, idle, absolute);
    }

    public SessionSettings withAbsolute(Duration absolute) {
        return new SessionSettings(cookieName, idle, absolute);
    }

    public SessionSettings withCookieName(String cookieName) {
        return new SessionSettings(cookieName, idle, absolute);
    }
}
