package dev.weft.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark server process started by {@link ServerLauncher}; closing it stops the process and its children.
 *
 * @param contender      what runs
 * @param process        the server process (nginx's master, the JVM)
 * @param port           its loopback port for the engine-level {@code /hello} (every server's only port but weft's)
 * @param appPort        the port of the web-app route and the static files (weft's web app; a peer's one port)
 * @param tlsPort        the port of the TLS endpoints, 0 when it serves none
 * @param config         the configuration lines it reported (nginx: its generated nginx.conf)
 * @param startupMillis  from launching the process to the first 200 response to {@code GET /hello}
 * @param log            where its output goes
 */
public record RunningServer(Contender contender, Process process, int port, int appPort, int tlsPort, List<String> config,
                            long startupMillis, Path log) implements AutoCloseable {

    /** A server with one port for everything and no TLS. */
    public RunningServer(Contender contender, Process process, int port, List<String> config, long startupMillis, Path log) {
        this(contender, process, port, port, 0, config, startupMillis, log);
    }

    public String url(Endpoint endpoint) {
        return (endpoint.tls() ? "https" : "http") + "://127.0.0.1:" + port(endpoint) + endpoint.path();
    }

    /** The port that serves {@code endpoint}. */
    public int port(Endpoint endpoint) {
        if (endpoint.tls()) {
            if (tlsPort == 0) {
                throw new IllegalArgumentException(contender.name() + " serves no TLS");
            }
            return tlsPort;
        }
        return endpoint == Endpoint.HELLO ? port : appPort;
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
