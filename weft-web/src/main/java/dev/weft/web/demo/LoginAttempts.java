package dev.weft.web.demo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import dev.weft.web.Database;

/**
 * Failed logins counted per user name and per client address in the database, so every process and instance
 * counts the same: {@value #LIMIT} failures within a minute for either, and further tries wait (429).
 */
final class LoginAttempts {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;

    LoginAttempts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Seconds to wait before trying again, when the name or the address is over the limit. */
    OptionalLong retryAfter(String username, String address) throws SQLException {
        Instant now = clock.instant();
        long since = now.minus(WINDOW).toEpochMilli();
        long wait = 0;
        for (String key : List.of(userKey(username), addressKey(address))) {
            List<Long> failures = database.query(
                    "SELECT failed_at FROM demo_login_failures WHERE failure_key = ? AND failed_at > ? ORDER BY failed_at DESC",
                    row -> row.getLong(1), key, since);
            if (failures.size() >= LIMIT) {
                // the limit is kept until the LIMIT-th newest failure leaves the window
                long until = failures.get(LIMIT - 1) + WINDOW.toMillis();
                wait = Math.max(wait, Math.max(1, (until - now.toEpochMilli() + 999) / 1000));
            }
        }
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    void failed(String username, String address) throws SQLException {
        long now = clock.instant().toEpochMilli();
        database.transaction(connection -> {
            Database.update(connection, "DELETE FROM demo_login_failures WHERE failed_at <= ?", now - WINDOW.toMillis());
            Database.update(connection, "INSERT INTO demo_login_failures (failure_key, failed_at) VALUES (?, ?)", userKey(username), now);
            Database.update(connection, "INSERT INTO demo_login_failures (failure_key, failed_at) VALUES (?, ?)", addressKey(address), now);
            return null;
        });
    }

    /** A good login forgets the name's failures (the address's stay: it may be guessing other names). */
    void succeeded(String username) throws SQLException {
        database.update("DELETE FROM demo_login_failures WHERE failure_key = ?", userKey(username));
    }

    private static String userKey(String username) {
        return "user:" + Accounts.key(username);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
