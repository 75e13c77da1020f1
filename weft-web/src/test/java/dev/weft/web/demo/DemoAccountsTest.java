package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.web.AppServers;
import dev.weft.web.Database;

/**
 * The demo site's accounts under load and across restarts, under every concurrency model: SQLite in WAL mode
 * takes concurrent writers (several JVMs on one file under processes:2), and its UNIQUE constraint decides races.
 */
class DemoAccountsTest {

    private static final int CONCURRENT = 50;

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
    void fiftyConcurrentRegistrationsAllSucceedWithoutDatabaseIsLocked(Model model) throws Exception {
        int port = servers.port(model);
        List<HttpResponse<String>> responses = concurrently(CONCURRENT, i -> {
            try (Visitor visitor = new Visitor(port)) {
                return visitor.register("load" + i, "load" + i + "@example.com", "correct horse", null, null);
            }
        });
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.body()).doesNotContainIgnoringCase("locked");
            assertThat(response.statusCode()).isEqualTo(303);
        });
        try (Database database = Database.sqlite(servers.dataDir(model))) {
            assertThat(database.one("SELECT COUNT(*) FROM demo_users WHERE username LIKE 'load%'", row -> row.getInt(1)))
                    .hasValue(CONCURRENT);
        }
    }

    @ParameterizedTest @MethodSource("models")
    void ofRacingRegistrationsOfOneNameExactlyOneWins(Model model) throws Exception {
        int port = servers.port(model);
        List<HttpResponse<String>> responses = concurrently(8, i -> {
            try (Visitor visitor = new Visitor(port)) {
                return visitor.register("Racer", "racer" + i + "@example.com", "correct horse", null, null);
            }
        });
        assertThat(responses).filteredOn(response -> response.statusCode() == 303).hasSize(1);
        assertThat(responses).filteredOn(response -> response.statusCode() == 409).hasSize(7)
                .allSatisfy(response -> assertThat(response.body()).contains("Sorry, that name is taken."));
    }

    @ParameterizedTest @MethodSource("models")
    void aNameDiffersOnlyInCaseIsTaken(Model model) throws Exception {
        Visitor visitor = new Visitor(servers.port(model));
        assertThat(visitor.register("Casey", "casey@example.com", "correct horse", null, null).statusCode()).isEqualTo(303);
        HttpResponse<String> again = new Visitor(servers.port(model)).register("CASEY", "other@example.com", "correct horse", null, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Sorry, that name is taken.");
    }

    @ParameterizedTest @MethodSource("models")
    void accountsAndSessionsSurviveARestart(Model model) throws Exception {
        Visitor visitor = new Visitor(servers.port(model));
        assertThat(visitor.register("phoenix", "phoenix@example.com", "correct horse", null, null).statusCode()).isEqualTo(303);
        servers.stop(model);
        Visitor after = new Visitor(servers.port(model));
        after.cookies.putAll(visitor.cookies);
        HttpResponse<String> profile = after.get("/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("phoenix, welcome back!");
        assertThat(new Visitor(servers.port(model)).logIn("phoenix", "correct horse").statusCode()).isEqualTo(303);
    }

    /** Runs {@code n} requests at once (released together by a latch) and returns their responses in order. */
    private static List<HttpResponse<String>> concurrently(int n, Call call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(index);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> run(int index) throws Exception;
    }
}
