package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server stopped by SIGTERM or SIGINT shuts down gracefully and exits 0, the status the README promises for
 * success, under every model; it exited 143 (130) before (issue 19.12). Under processes the workers go too.
 */
class StopSignalTest {

    @TempDir
    Path dir;

    static Stream<String> models() {
        return Stream.of("thread", "pool:2", "virtual", "event-loop:1", "processes:1");
    }

    @ParameterizedTest
    @MethodSource("models")
    void sigtermStopsAServerWithExitStatus0(String model) throws Exception {
        assertStopsWith0(model, false);
    }

    @ParameterizedTest
    @MethodSource("models")
    void sigintStopsAServerWithExitStatus0(String model) throws Exception {
        assertStopsWith0(model, true);
    }

    private void assertStopsWith0(String model, boolean interrupt) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, Main.class.getName(),
                "serve", dir.toString(), "--port", "0", "--model", model, "--quiet"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = collect(server);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> output.stream().anyMatch(l -> l.startsWith("Serving HTTP")) || !server.isAlive());
            assertThat(server.isAlive()).as("running; output: %s", output).isTrue();
            List<ProcessHandle> workers = server.descendants().toList();

            signal(server.pid(), interrupt ? "INT" : "TERM");

            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(server.exitValue()).as("exit status; output: %s", output).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> workers.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            server.destroyForcibly();
        }
    }

    /** Sends SIG{@code name} with bash's built-in kill (no procps needed on a fresh machine). */
    private static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("bash", "-c", "kill -" + name + " " + pid).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static List<String> collect(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        });
        return lines;
    }
}
