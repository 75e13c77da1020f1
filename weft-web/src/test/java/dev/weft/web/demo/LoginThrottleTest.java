package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.web.AppServers;

/** Over HTTP, under every model: the sixth try after five failures is a 429 with Retry-After, even with the right password. */
class LoginThrottleTest {

    @TempDir
    static Path data;

    private static AppServers servers;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @BeforeAll
    static void start() {
        servers = new AppServers(DemoSite.class, data);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @ParameterizedTest @MethodSource("models")
    void fiveFailedLoginsWithinAMinuteGet429WithRetryAfter(Model model) throws Exception {
        int port = servers.port(model);
        try (Visitor visitor = new Visitor(port)) {
            assertThat(visitor.register("target", "target@example.com", "correct horse", null, null).statusCode())
                    .isEqualTo(303);
        }
        try (Visitor guesser = new Visitor(port)) {
            for (int i = 0; i < 5; i++) {
                assertThat(guesser.logIn("target", "guess number " + i).statusCode()).isEqualTo(401);
            }
        }
        HttpResponse<String> blocked;
        try (Visitor owner = new Visitor(port)) {
            blocked = owner.logIn("target", "correct horse");
        }
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(blocked.body()).contains("Too many failed logins.");
    }
}
