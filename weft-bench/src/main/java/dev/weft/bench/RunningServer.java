package dev.weft.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark server process started by {@link ServerLauncher}; closing it stops the process and its children.
 *
 * @param contender      what runs
 * @param process        the server process (nginx's master, the JVM)
 * @param port           its loopback port
 * @param config         the configuration lines it reported (nginx: its generated nginx.conf)
 * @param startupMillis  from launching the process to the first 200 response to {@code GET /hello}
 * @param log            where its output goes
 */
public record RunningServer(Contender contender, Process process, int port, List<String> config, long startupMillis,
                            Path log) implements AutoCloseable {

    public String url(Endpoint endpoint) {
        return "http://127.0.0.1:" + port + endpoint.path();
    }

    public ProcStats stats() {
        return ProcStats.of(process.toHandle());
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
