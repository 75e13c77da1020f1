package dev.weft.services.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;

/** The processes model's supervisor: separate worker processes, and a killed worker replaced. */
class ProcessesModelTest {

    @Test
    void killingAWorkerLeavesThePortServingAndTheSupervisorRestartsIt() throws Exception {
        try (TcpServer server = EchoServers.tcp(new Model.Processes(2), "127.0.0.1")) {
            List<Long> before = server.workerPids();
            assertThat(before).hasSize(2).doesNotContain(ProcessHandle.current().pid());
            ProcessHandle killed = ProcessHandle.of(before.getFirst()).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                assertThat(echo(server.port(), "still here " + i)).isEqualTo("still here " + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<Long> now = server.workerPids();
                return now.size() == 2 && !now.contains(before.getFirst());
            });
        }
    }

    @Test
    void closingTheSupervisorStopsEveryWorker() throws Exception {
        List<Long> pids;
        try (TcpServer server = EchoServers.tcp(new Model.Processes(2), "127.0.0.1")) {
            pids = server.workerPids();
            assertThat(echo(server.port(), "x")).isEqualTo("x");
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    private static String echo(int port, String line) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
