package dev.weft.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Seed 002's gevent downloader: many blocking fetches at once, each waiting on the network. gevent's monkey patch
 * turns blocking socket calls into switches between greenlets; the JDK does the same for virtual threads, which
 * unmount from their carrier while a socket read waits. So: N fetches from a weft HTTP server (in its own JVM, every
 * answer delayed like a distant server's) on a virtual thread each, against a pool of 200 platform threads.
 */
public final class GeventExperiment implements Experiment {

    static final int DEFAULT_FETCHES = 1_000;
    static final int MAX_FETCHES = 10_000;
    static final int POOL = 200;
    static final long LATENCY_MILLIS = 20;

    /** One way of fetching: fetches that got a 200, failures, wall time, peak platform threads, peak heap growth. */
    record Run(long ok, long failed, double millis, int peakThreads, double heapMb) {
    }

    @Override
    public String name() {
        return "gevent";
    }

    @Override
    public String lesson() {
        return "seed 002, 5.3.3 协程-gevent, 5.3.4 打补丁 (monkey.patch_all) and 5.4 图片下载器 (gevent.joinall)";
    }

    @Override
    public String summary() {
        return "N blocking fetches (--iterations, at most 10,000) from a local weft HTTP server on virtual threads vs a 200-thread pool";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int fetches = LabOptions.atMost(options.iterationsOr(DEFAULT_FETCHES), MAX_FETCHES, name(), Knob.ITERATIONS);
        Run virtual;
        Run pool;
        try (ChildJvm server = ChildJvm.start(Duration.ofMinutes(3), List.of("-Xmx256m"), "http-server",
                String.valueOf(LATENCY_MILLIS))) {
            String line = server.readLine();
            if (!line.startsWith("port ")) {
                throw new LabFailure("gevent: the server JVM said '" + line + "' instead of its port");
            }
            int port = Integer.parseInt(line.substring("port ".length()).trim());
            fetchAll(port, Math.min(fetches, 200), Executors::newVirtualThreadPerTaskExecutor); // warm both sides up
            virtual = fetchAll(port, fetches, Executors::newVirtualThreadPerTaskExecutor);
            pool = fetchAll(port, fetches, () -> Executors.newFixedThreadPool(POOL));
        }
        double floorVirtual = LATENCY_MILLIS;
        double floorPool = Math.ceil(fetches / (double) POOL) * LATENCY_MILLIS;
        return new Result(name(), lesson(),
                fetches + " fetches of one small page, each answered after " + LATENCY_MILLIS + " ms, from a weft server in its"
                        + " own JVM; a virtual thread per fetch, then a pool of " + POOL + " platform threads",
                List.of(
                        Figure.of("fetches", "fetches", fetches),
                        Figure.of("virtualOk", "virtual threads: fetched (200 OK)", virtual.ok()),
                        Figure.of("virtualFailed", "virtual threads: failed", virtual.failed()),
                        Figure.measured("virtualMillis", "virtual threads: wall time", virtual.millis(), "ms"),
                        Figure.of("virtualPeakThreads", "virtual threads: peak platform threads", virtual.peakThreads()),
                        Figure.measured("virtualHeapMb", "virtual threads: heap growth (peak)", virtual.heapMb(), "MB"),
                        Figure.of("poolOk", "pool: fetched (200 OK)", pool.ok()),
                        Figure.of("poolFailed", "pool: failed", pool.failed()),
                        Figure.measured("poolMillis", "pool: wall time", pool.millis(), "ms"),
                        Figure.of("poolPeakThreads", "pool: peak platform threads", pool.peakThreads()),
                        Figure.measured("poolHeapMb", "pool: heap growth (peak)", pool.heapMb(), "MB"),
                        Figure.measured("poolFloorMillis", "pool: least possible (fetches / 200 x latency)", floorPool, "ms")),
                List.of(String.format(Locale.ROOT, "With a virtual thread per fetch all %d waited on their sockets at once, as"
                                + " greenlets do under gevent's monkey patch: %.0f ms in all (each fetch alone takes %.0f ms), on %d"
                                + " platform threads at the peak%s.", fetches, virtual.millis(), floorVirtual, virtual.peakThreads(),
                                virtual.millis() > 10 * floorVirtual
                                        ? String.format(Locale.ROOT, "; what took the time was opening and serving %d connections"
                                                + " at once on %d cores (load average %.1f), not the waiting", fetches,
                                                Runtime.getRuntime().availableProcessors(),
                                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                                        : ""),
                        String.format(Locale.ROOT, "The pool could wait on only %d at a time: %.0f ms (at least %.0f), %s. The code of a"
                                + " fetch is the same plain blocking code either way; only the threads under it differ.",
                                POOL, pool.millis(), floorPool, pool.millis() > virtual.millis()
                                        ? String.format(Locale.ROOT, "%.1fx the virtual threads' time", pool.millis() / Math.max(virtual.millis(), 0.001))
                                        : "not slower here: connecting, not waiting, set the pace of both runs")));
    }

    /** Makes an executor for one run. */
    @FunctionalInterface
    private interface Executor {
        ExecutorService make();
    }

    private static Run fetchAll(int port, int fetches, Executor executor) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong heapPeak = new AtomicLong(heapBefore);
        threads.resetPeakThreadCount();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        Thread sampler = Thread.ofPlatform().daemon().name("lab-gevent-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long began = System.nanoTime();
        try (ExecutorService service = executor.make()) {
            for (int i = 0; i < fetches; i++) {
                int n = i;
                service.execute(() -> {
                    if (fetch(port, n)) {
                        ok.increment();
                    } else {
                        failed.increment();
                    }
                });
            }
            service.shutdown();
            if (!service.awaitTermination(2, TimeUnit.MINUTES)) {
                service.shutdownNow();
                throw new LabFailure("gevent: " + fetches + " fetches did not finish within 2 minutes");
            }
        } finally {
            sampler.interrupt();
            sampler.join(Duration.ofSeconds(5));
        }
        double millis = (System.nanoTime() - began) / 1e6;
        return new Run(ok.sum(), failed.sum(), millis, threads.getPeakThreadCount(), (heapPeak.get() - heapBefore) / 1048576.0);
    }

    /** One plain blocking HTTP/1.1 fetch on its own connection; true on a 200. */
    private static boolean fetch(int port, int n) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + n + ".jpg HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            return new String(all, 0, Math.min(all.length, 16), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
