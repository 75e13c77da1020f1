package dev.weft.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes model: a supervisor that starts N worker JVMs on the same port (each binds it with
 * SO_REUSEPORT and runs the virtual model inside), restarts a worker that dies, and stops them all at
 * shutdown. Workers watch their stdin and exit when the supervisor goes away.
 */
final class ProcessRunner implements Runner {

    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);
    static final String READY = "WEFT-WORKER-READY";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_QUICK_DEATHS = 5;

    private final ServerConfig config;
    private final InetSocketAddress address;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean stopping;

    /** One worker slot: the process in it now, and how often it died right after starting. */
    private final class Worker {
        final int slot;
        volatile Process process;
        long startedAt;
        int quickDeaths;

        Worker(int slot) {
            this.slot = slot;
        }

        void start() throws IOException {
            List<String> command = config.workerCommand().command(address.getPort());
            Process started = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            startedAt = System.nanoTime();
            awaitReady(started);
            process = started;
            started.onExit().thenRun(() -> died(started));
        }

        private void awaitReady(Process started) throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith(READY)) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }, r -> Thread.ofVirtual().start(r));
            try {
                if (ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) == null) {
                    throw new IOException("worker " + slot + " exited before it was ready (exit code "
                            + started.waitFor() + ")");
                }
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                started.destroyForcibly();
                throw new IOException("worker " + slot + " did not start: " + e, e);
            }
            Thread.ofVirtual().start(() -> discard(out));
        }

        /** Keeps reading a worker's stdout so it never blocks on a full pipe. */
        private static void discard(BufferedReader out) {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                log.debug("worker stdout closed: {}", e.toString());
            }
        }

        private void died(Process dead) {
            if (stopping) {
                return;
            }
            boolean quick = System.nanoTime() - startedAt < TimeUnit.SECONDS.toNanos(2);
            quickDeaths = quick ? quickDeaths + 1 : 0;
            if (quickDeaths >= MAX_QUICK_DEATHS) {
                log.error("{}: worker {} keeps dying at start (exit code {}); not restarting it", config.service(), slot, dead.exitValue());
                return;
            }
            log.warn("{}: worker {} (pid {}) exited with code {}; restarting it", config.service(), slot, dead.pid(), dead.exitValue());
            try {
                start();
            } catch (IOException e) {
                log.error("{}: cannot restart worker {}: {}", config.service(), slot, e.getMessage());
            }
        }
    }

    ProcessRunner(ServerConfig config, ServerMetrics metrics, boolean datagram, int count) throws IOException {
        if (config.workerCommand() == null) {
            throw new IllegalStateException("the processes model needs a worker command to start workers with");
        }
        this.config = config;
        this.address = config.address().getPort() == 0 ? withFreePort(config.address(), datagram) : config.address();
        metrics.workers(this::workers);
        try {
            for (int i = 0; i < count; i++) {
                Worker worker = new Worker(i);
                workers.add(worker);
                worker.start();
            }
        } catch (IOException e) {
            stopAll(Duration.ZERO);
            throw e;
        }
    }

    /** Port 0 means "any free port", but every worker must bind the same one: pick it here. */
    private static InetSocketAddress withFreePort(InetSocketAddress address, boolean datagram) throws IOException {
        StandardProtocolFamily family = address.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        try (NetworkChannel probe = datagram ? DatagramChannel.open(family) : ServerSocketChannel.open(family)) {
            probe.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            probe.bind(address);
            return new InetSocketAddress(address.getAddress(), ((InetSocketAddress) probe.getLocalAddress()).getPort());
        }
    }

    /** The pids of the live workers, for tests and the stats page. */
    List<Long> pids() {
        return workers.stream().map(w -> w.process).filter(p -> p != null && p.isAlive()).map(Process::pid).toList();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int workers() {
        return pids().size();
    }

    @Override
    public void shutdown(Duration grace) {
        stopAll(grace);
    }

    private void stopAll(Duration grace) {
        stopping = true;
        List<Process> running = workers.stream().map(w -> w.process).filter(p -> p != null).toList();
        // SIGTERM through the handle: Process.destroy() would also close the pipes, and a worker whose stdout
        // is closed fails its access log while it drains
        running.forEach(process -> process.toHandle().destroy());
        long deadline = System.nanoTime() + grace.toNanos() + TimeUnit.SECONDS.toNanos(3);
        for (Process process : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
