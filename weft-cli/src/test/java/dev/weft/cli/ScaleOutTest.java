package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.web.demo.PostgresCluster;
import dev.weft.web.demo.Visitor;

/**
 * Scale-out as docs/deploy.md sets it up, with real components each test class starts on loopback in temp folders:
 * a private PostgreSQL cluster, two {@code weft serve --db} processes on it, and nginx as their round-robin upstream.
 * Any instance serves any request because accounts and sessions live in the database; a killed instance costs no
 * idempotent request (nginx retries it on the other); a SIGTERM turns health to 503, then drains.
 */
class ScaleOutTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern UPSTREAM_ERROR = Pattern.compile("(?m)^.*\\[error\\].*upstream.*$");

    @TempDir
    static Path dir;

    private static PostgresCluster postgres;
    private static final Instance[] instances = new Instance[2];
    private static Process nginx;
    private static int nginxPort;

    /** One {@code weft serve} process on the shared database. */
    private static final class Instance {
        final String name;
        final int port;
        final Process process;

        Instance(String name) throws IOException {
            this.name = name;
            this.port = freePort();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = ProcessHandle.current().info().command().orElse("java");
            Path data = dir.resolve("data-" + name);
            this.process = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, Main.class.getName(), "serve",
                    "--port", Integer.toString(port), "--data", data.toString(), "--db", postgres.url(),
                    "--drain-delay", "1s", "-q")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
                    .start();
        }

        Instance awaitHealthy() {
            await().atMost(START).pollInterval(Duration.ofMillis(100)).until(() -> {
                assertThat(process.isAlive()).as("%s exited: %s", name, log()).isTrue();
                return status(port, "/_weft/health") == 200;
            });
            return this;
        }

        String log() throws IOException {
            return Files.readString(dir.resolve(name + ".log"));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PostgresCluster.installedBin() != null, "needs PostgreSQL's server programs (Debian's postgresql)");
        postgres = PostgresCluster.start(dir);
        // the first instance makes the schema; the second then starts on it
        instances[0] = new Instance("a").awaitHealthy();
        instances[1] = new Instance("b").awaitHealthy();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (Instance instance : instances) {
            if (instance != null) {
                instance.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsValidOnTheOtherAndLogoutOnEitherEndsIt() throws Exception {
        try (Visitor onA = new Visitor(instances[0].port); Visitor onB = new Visitor(instances[1].port)) {
            assertThat(onA.register("shared", "shared@example.com", "correct horse", null, null).statusCode()).isEqualTo(303);
            assertThat(onB.logIn("shared", "correct horse").statusCode()).isEqualTo(303);
            assertThat(onB.get("/profile").body()).contains("shared, welcome back!");

            onB.cookies.clear();
            onB.cookies.putAll(onA.cookies);
            assertThat(onB.get("/profile").body()).as("A's cookie on B").contains("shared, welcome back!");

            assertThat(onB.logOut().statusCode()).isEqualTo(303);
            HttpResponse<String> afterLogout = onA.get("/profile");
            assertThat(afterLogout.statusCode()).as("A's old cookie after logout on B").isEqualTo(303);
            assertThat(afterLogout.headers().firstValue("Location")).contains("/login");
        }
    }

    @Test
    void nginxSpreadsALoggedInUsersRequestsOverBothInstancesAllAnswered() throws Exception {
        String cookie = loggedIn("spread");
        double[] before = {profileCount(instances[0]), profileCount(instances[1])};
        Traffic traffic = Traffic.send(nginx(), cookie, 1000, 8, "spread");
        assertThat(traffic.failures()).as(traffic.describe()).isEmpty();
        double onA = profileCount(instances[0]) - before[0];
        double onB = profileCount(instances[1]) - before[1];
        assertThat(onA + onB).as("requests counted by the instances' /_weft/metrics").isEqualTo(1000);
        assertThat(onA).as("round robin").isBetween(400.0, 600.0);
    }

    @Test
    void killingOneInstanceMidRunLosesNoRequestNginxCanRetry() throws Exception {
        String cookie = loggedIn("killed");
        int port = nginx();
        try {
            Traffic traffic = Traffic.start(port, cookie, 600, 8, "killed");
            traffic.awaitDone(150);
            instances[1].process.destroyForcibly();  // SIGKILL: no drain, in-flight requests cut off
            traffic.awaitAll();
            // GET is idempotent: nginx's default proxy_next_upstream (error timeout) passes a request that failed on
            // the killed instance, connection refused or cut off before a reply, to the other one
            System.out.printf("kill -9 mid-run: %d of 600 failed; nginx logged %d upstream errors (retried)%n",
                    traffic.failures().size(), countUpstreamErrors());
            assertThat(traffic.failures()).as(traffic.describe()).isEmpty();
        } finally {
            restart(1);
        }
    }

    @Test
    void sigtermTurnsHealthTo503ThenDrainsWithoutFailingARequest() throws Exception {
        String cookie = loggedIn("drained");
        int port = nginx();
        try {
            Traffic traffic = Traffic.start(port, cookie, 600, 8, "drained");
            traffic.awaitDone(150);
            Instance leaving = instances[1];
            leaving.process.destroy();  // SIGTERM
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> status(leaving.port, "/_weft/health") == 503);
            traffic.awaitAll();
            assertThat(leaving.process.waitFor(30, TimeUnit.SECONDS)).as("the instance exits after draining").isTrue();
            assertThat(traffic.failures()).as(traffic.describe()).isEmpty();
        } finally {
            restart(1);
        }
    }

    /** Registers {@code name} through instance A and returns the session cookie header to send. */
    private static String loggedIn(String name) throws Exception {
        try (Visitor visitor = new Visitor(instances[0].port)) {
            assertThat(visitor.register(name, name + "@example.com", "correct horse", null, null).statusCode()).isEqualTo(303);
            return String.join("; ", visitor.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    private static void restart(int i) throws Exception {
        instances[i].process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        instances[i] = new Instance(instances[i].name).awaitHealthy();
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            nginx = null;
        }
    }

    private static double profileCount(Instance instance) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port + "/_weft/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher line = Pattern.compile("(?m)^weft_http_requests_total\\{method=\"GET\",route=\"/profile\",status=\"2xx\"} (\\S+)$")
                    .matcher(metrics);
            return line.find() ? Double.parseDouble(line.group(1)) : 0;
        }
    }

    /** nginx in front of both instances as docs/deploy.md sets it up (upstream keepalive too), writing only under its folder. */
    private static synchronized int nginx() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "needs nginx (Debian's nginx)");
        if (nginx != null && nginx.isAlive()) {
            return nginxPort;
        }
        Path prefix = Files.createDirectories(dir.resolve("nginx-" + System.nanoTime()));
        Files.createDirectories(prefix.resolve("logs"));
        nginxPort = freePort();
        String conf = """
                %s
                worker_processes 1;
                daemon off;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    upstream weft {
                        server 127.0.0.1:%d max_fails=1 fail_timeout=10s;
                        server 127.0.0.1:%d max_fails=1 fail_timeout=10s;
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://weft;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted("root".equals(System.getProperty("user.name")) ? "user root;" : "",
                prefix, prefix, prefix, prefix, prefix, prefix, prefix, instances[0].port, instances[1].port, nginxPort);
        Files.writeString(prefix.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        nginxErrors = prefix.resolve("error.log");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(nginx.isAlive()).as("nginx exited: %s", Files.readString(prefix.resolve("stdout.log"))).isTrue();
            return status(nginxPort, "/_weft/health") == 200;
        });
        return nginxPort;
    }

    private static Path nginxErrors;

    private static long countUpstreamErrors() throws IOException {
        return nginxErrors == null || !Files.exists(nginxErrors) ? 0
                : UPSTREAM_ERROR.matcher(Files.readString(nginxErrors)).results().count();
    }

    /** GETs of a logged-in user's profile from several threads; each answer must be 200 and the user's page. */
    private static final class Traffic {
        private final List<Future<?>> workers = new ArrayList<>();
        private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger();
        private final ExecutorService pool;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final int total;

        private Traffic(int total, int threads) {
            this.total = total;
            this.pool = Executors.newFixedThreadPool(threads);
        }

        static Traffic start(int port, String cookie, int total, int threads, String user) {
            Traffic traffic = new Traffic(total, threads);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/profile"))
                    .header("Cookie", cookie).timeout(Duration.ofSeconds(30)).build();
            for (int t = 0; t < threads; t++) {
                traffic.workers.add(traffic.pool.submit(() -> {
                    while (traffic.next.getAndIncrement() < total) {
                        try {
                            HttpResponse<String> response = traffic.client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || !response.body().contains(user + ", welcome back!")) {
                                traffic.failures.add(response.statusCode() + " " + response.body().lines().limit(3).toList());
                            }
                        } catch (IOException e) {
                            traffic.failures.add(e.toString());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        traffic.done.incrementAndGet();
                    }
                }));
            }
            return traffic;
        }

        static Traffic send(int port, String cookie, int total, int threads, String user) throws Exception {
            Traffic traffic = start(port, cookie, total, threads, user);
            traffic.awaitAll();
            return traffic;
        }

        void awaitDone(int count) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(done.get()).isGreaterThanOrEqualTo(count));
        }

        void awaitAll() throws Exception {
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            client.close();
            assertThat(done.get()).isEqualTo(total);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        String describe() {
            return failures.size() + " of " + total + " failed: " + failures.stream().limit(5).toList();
        }
    }

    private static int status(int port, String path) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
