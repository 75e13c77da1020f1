package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpSettings;
import dev.weft.web.Web;
import dev.weft.web.WebServer;
import dev.weft.web.Weft;

/**
 * The demo site's load-balancer and Prometheus pages: {@code /_weft/health} (200 while serving and the database
 * answers, 503 once draining) and {@code /_weft/metrics}, which Prometheus' own {@code promtool} accepts and whose
 * counters match the requests sent. One app process per model (the processes model's workers each count their
 * own requests, see docs/architecture/web.md).
 */
class DemoMonitoringTest {

    @TempDir
    Path dir;

    static Stream<Model> models() {
        return Model.all().stream().filter(model -> !(model instanceof Model.Processes));
    }

    private WebServer start(Web web, Model model) throws Exception {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(model)
                .limits(Limits.DEFAULT.withShutdownGrace(java.time.Duration.ofMillis(200))).build();
        return web.start(config, HttpSettings.DEFAULT);
    }

    @ParameterizedTest @MethodSource("models")
    void healthIsOkWhileServingWithADatabaseThatAnswers(Model model) throws Exception {
        try (WebServer server = start(Weft.http().dataDir(dir).routes(new DemoSite()), model);
             Visitor visitor = new Visitor(server.port())) {
            HttpResponse<String> health = visitor.get("/_weft/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(health.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @ParameterizedTest @MethodSource("models")
    void drainingTurnsHealthTo503WhileOtherPagesStillServe(Model model) throws Exception {
        Web web = Weft.http().dataDir(dir).routes(new DemoSite());
        try (WebServer server = start(web, model); Visitor visitor = new Visitor(server.port())) {
            web.drain();
            HttpResponse<String> health = visitor.get("/_weft/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("draining\n");
            assertThat(visitor.get("/hello").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest @MethodSource("models")
    void healthIs503WhenTheDatabaseDoesNotAnswer(Model model) throws Exception {
        Web web = Weft.http().dataDir(dir).routes(new DemoSite());
        try (WebServer server = start(web, model); Visitor visitor = new Visitor(server.port())) {
            web.database().close();
            assertThat(visitor.get("/_weft/health").statusCode()).isEqualTo(503);
        }
    }

    @ParameterizedTest @MethodSource("models")
    void metricsCountTheRequestsSentByRouteTemplateAndStatusClass(Model model) throws Exception {
        try (WebServer server = start(Weft.http().dataDir(dir).routes(new DemoSite()), model);
             Visitor visitor = new Visitor(server.port())) {
            for (int i = 0; i < 7; i++) {
                assertThat(visitor.get("/hello?name=n" + i).statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(visitor.get("/no/such/page/" + i).statusCode()).isEqualTo(404);
            }
            assertThat(visitor.get("/avatars/missing.png").statusCode()).isEqualTo(404);
            String metrics = visitor.get("/_weft/metrics").body();
            assertThat(value(metrics, "weft_http_requests_total{method=\"GET\",route=\"/hello\",status=\"2xx\"}")).isEqualTo(7);
            assertThat(value(metrics, "weft_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"4xx\"}")).isEqualTo(3);
            assertThat(value(metrics, "weft_http_requests_total{method=\"GET\",route=\"/avatars/{name}\",status=\"4xx\"}")).isEqualTo(1);
            assertThat(value(metrics, "weft_http_request_duration_seconds_count{route=\"/hello\"}")).isEqualTo(7);
            assertThat(value(metrics, "weft_http_request_duration_seconds_bucket{route=\"/hello\",le=\"+Inf\"}")).isEqualTo(7);
            assertThat(value(metrics, "weft_connections_accepted_total")).isEqualTo(1);
            assertThat(value(metrics, "weft_open_connections")).isEqualTo(1);
            assertThat(value(metrics, "weft_received_bytes_total")).isPositive();
            assertThat(value(metrics, "weft_sent_bytes_total")).isPositive();
            assertThat(metrics).contains("jvm_memory_used_bytes{area=\"heap\"}", "jvm_threads_current");
        }
    }

    @ParameterizedTest @MethodSource("models")
    void promtoolAcceptsTheMetrics(Model model) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "needs promtool (Debian's prometheus)");
        try (WebServer server = start(Weft.http().dataDir(dir).routes(new DemoSite()), model);
             Visitor visitor = new Visitor(server.port())) {
            visitor.get("/hello");
            visitor.get("/nowhere");
            HttpResponse<String> metrics = visitor.get("/_weft/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/plain; version=0.0.4"));
            assertPromtoolAccepts(metrics.body());
        }
    }

    @org.junit.jupiter.api.Test
    void underProcessesEachWorkersCountsAppearOnceInEveryScrapeLabelledByWorker() throws Exception {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(new Model.Processes(2))
                .limits(Limits.DEFAULT.withShutdownGrace(java.time.Duration.ofMillis(200)))
                .workerCommand(dev.weft.engine.WorkerCommand.java(dev.weft.web.AppWorker.class.getName(),
                        port -> java.util.List.of(DemoSite.class.getName(), Integer.toString(port), dir.toString())))
                .build();
        try (WebServer server = Weft.http().dataDir(dir).routes(new DemoSite()).start(config, HttpSettings.DEFAULT)) {
            int sent = 40;
            for (int i = 0; i < sent; i++) {
                try (Visitor visitor = new Visitor(server.port())) {  // a new connection each: the kernel picks the worker
                    assertThat(visitor.get("/hello").statusCode()).isEqualTo(200);
                }
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                try (Visitor visitor = new Visitor(server.port())) {
                    String metrics = visitor.get("/_weft/metrics").body();
                    Matcher samples = Pattern.compile("(?m)^weft_http_requests_total\\{method=\"GET\",route=\"/hello\",status=\"2xx\",worker=\"(\\d+)\"} (\\S+)$")
                            .matcher(metrics);
                    java.util.Map<String, Double> byWorker = new java.util.HashMap<>();
                    while (samples.find()) {
                        assertThat(byWorker.put(samples.group(1), Double.parseDouble(samples.group(2)))).as("one series per worker").isNull();
                    }
                    assertThat(byWorker.keySet()).as("both workers' pids").containsExactlyInAnyOrderElementsOf(
                            server.http().tcp().workerPids().stream().map(String::valueOf).toList());
                    assertThat(byWorker.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(sent);
                    assertThat(metrics.lines().filter(line -> line.equals("# TYPE weft_http_requests_total counter"))).hasSize(1);
                    if (Files.isExecutable(Path.of("/usr/bin/promtool"))) {
                        assertPromtoolAccepts(metrics);
                    }
                }
            });
        }
    }

    private static void assertPromtoolAccepts(String metrics) throws Exception {
        Process promtool = new ProcessBuilder("/usr/bin/promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(said).isZero();
        assertThat(said).isEmpty();
    }

    /** The value of the sample {@code series} (name and labels exactly as exposed). */
    static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!line.find()) {
            throw new AssertionError("no sample " + series + " in:\n" + metrics);
        }
        return Double.parseDouble(line.group(1));
    }
}
