package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.web.Database;

/** The failed-login limit, on a real SQLite database, with a clock the test moves. */
class LoginAttemptsTest {

    @TempDir
    Path dir;

    private Database database;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private LoginAttempts attempts() {
        return new LoginAttempts(database, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @BeforeEach
    void open() throws Exception {
        database = Database.sqlite(dir).migrate(DemoSite.MIGRATIONS, "demo_schema_history", getClass().getClassLoader());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void fourFailuresOfOneNameAreAllowedAndTheFifthBlocksIt() throws Exception {
        LoginAttempts attempts = attempts();
        for (int i = 0; i < 4; i++) {
            attempts.failed("zhangsan", "10.0.0." + i);
        }
        assertThat(attempts.retryAfter("zhangsan", "10.0.0.9")).isEmpty();
        attempts.failed("ZhangSan", "10.0.0.4");
        assertThat(attempts.retryAfter("zhangsan", "10.0.0.9")).hasValue(60);
        assertThat(attempts.retryAfter("lisi", "10.0.0.9")).isEmpty();
    }

    @Test
    void fiveFailuresFromOneAddressBlockEveryName() throws Exception {
        LoginAttempts attempts = attempts();
        for (int i = 0; i < 5; i++) {
            attempts.failed("guess" + i, "10.0.0.1");
        }
        assertThat(attempts.retryAfter("anyone", "10.0.0.1")).hasValue(60);
        assertThat(attempts.retryAfter("anyone", "10.0.0.2")).isEmpty();
    }

    @Test
    void theBlockLiftsWhenTheFailuresAreAMinuteOld() throws Exception {
        LoginAttempts attempts = attempts();
        for (int i = 0; i < 5; i++) {
            attempts.failed("zhangsan", "10.0.0.1");
            now = now.plusSeconds(10);
        }
        // the fifth-newest failure was at t=0, so the block lasts until t=60; it is t=50 now
        assertThat(attempts.retryAfter("zhangsan", "10.0.0.2")).hasValue(10);
        now = now.plus(Duration.ofSeconds(10));
        assertThat(attempts.retryAfter("zhangsan", "10.0.0.2")).isEmpty();
    }

    @Test
    void aGoodLoginForgetsTheNamesFailures() throws Exception {
        LoginAttempts attempts = attempts();
        for (int i = 0; i < 5; i++) {
            attempts.failed("zhangsan", "10.0.0." + i);
        }
        attempts.succeeded("zhangsan");
        assertThat(attempts.retryAfter("zhangsan", "10.0.0.9")).isEmpty();
    }
}
