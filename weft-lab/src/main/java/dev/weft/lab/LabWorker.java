package dev.weft.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;
import dev.weft.lab.processes.Jvm;
import dev.weft.lab.processes.Pipe;
import dev.weft.lab.processes.ProcessQueue;

/**
 * The main class of the lab's child JVMs ({@link ChildJvm}). One role per run, answers on stdout, one line each:
 * <ul>
 *   <li>{@code primes}: prints {@code ready PID}, then answers each {@code LIMIT PARTS PART} line on stdin with
 *       {@code COUNT PID NANOS}, until stdin ends.</li>
 *   <li>{@code daemon MILLIS}, {@code non-daemon MILLIS}, {@code join MILLIS}: starts a thread that sleeps, prints
 *       {@code main-returning PID MAIN_MILLIS} and returns from main, joining the thread first for {@code join}.</li>
 *   <li>{@code crowd virtual|platform TASKS SLEEP_MILLIS POOL}: runs TASKS sleeping tasks and prints
 *       {@code WALL_MILLIS PEAK_RSS_KB PEAK_HEAP_KB PEAK_THREADS}.</li>
 *   <li>{@code queue-consumer COUNT}: opens a {@link ProcessQueue}, prints {@code port PORT}, takes COUNT messages and
 *       prints {@code done RECEIVED IN_ORDER FIRST_TO_LAST_NANOS}.</li>
 *   <li>{@code queue-producer PORT COUNT}: puts COUNT messages ({@code 0..COUNT-1}) on that queue, prints {@code sent COUNT}.</li>
 *   <li>{@code echo}: answers every {@link Pipe} frame on stdin with the same frame on stdout, until stdin ends.</li>
 *   <li>{@code parent MILLIS}: starts a daemon child (exits with its parent) and a non-daemon child (sleeps MILLIS
 *       whatever happens), prints {@code children DAEMON_PID NON_DAEMON_PID} and returns from main.</li>
 *   <li>{@code linger-daemon}, {@code linger MILLIS}: the two children of {@code parent}; each prints {@code ready}.</li>
 *   <li>{@code http-server LATENCY_MILLIS}: a weft HTTP server (virtual threads) on 127.0.0.1 whose every answer takes
 *       LATENCY_MILLIS, like a distant server; prints {@code port PORT}.</li>
 * </ul>
 * Every role that does not read stdin watches it ({@link Jvm#exitWithParent}), so it ends with its parent,
 * except {@code linger}, whose point is to outlive it (for MILLIS at most).
 */
public final class LabWorker {

    private LabWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: LabWorker primes | daemon|non-daemon|join MILLIS | crowd virtual|platform TASKS SLEEP_MILLIS POOL");
            System.exit(2);
        }
        switch (args[0]) {
            case "primes" -> primes();
            case "daemon", "non-daemon", "join" -> lingering(args[0], Long.parseLong(args[1]));
            case "crowd" -> crowd(args[1].equals("virtual"), Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Integer.parseInt(args[4]));
            case "queue-consumer" -> queueConsumer(Integer.parseInt(args[1]));
            case "queue-producer" -> queueProducer(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "echo" -> echo();
            case "http-server" -> httpServer(Long.parseLong(args[1]));
            case "parent" -> parent(Long.parseLong(args[1]));
            case "linger-daemon" -> {
                Jvm.exitWithParent();
                ready();
                Thread.sleep(Duration.ofMinutes(2));
            }
            case "linger" -> {
                ready();
                Thread.sleep(Long.parseLong(args[1]));
            }
            default -> {
                System.err.println("LabWorker: unknown role " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void ready() {
        System.out.println("ready " + pid());
        System.out.flush();
    }

    private static void queueConsumer(int count) throws IOException, InterruptedException {
        Jvm.exitWithParent();
        try (ProcessQueue queue = ProcessQueue.open(1024)) {
            System.out.println("port " + queue.port());
            System.out.flush();
            boolean inOrder = true;
            long first = 0;
            for (int i = 0; i < count; i++) {
                String message = queue.take();
                if (i == 0) {
                    first = System.nanoTime();
                }
                inOrder &= message.equals(Integer.toString(i));
            }
            System.out.println("done " + count + " " + inOrder + " " + (System.nanoTime() - first));
            System.out.flush();
        }
    }

    private static void queueProducer(int port, int count) throws IOException {
        Jvm.exitWithParent();
        try (ProcessQueue.Writer writer = ProcessQueue.writer(port)) {
            for (int i = 0; i < count; i++) {
                writer.put(Integer.toString(i));
            }
        }
        System.out.println("sent " + count);
        System.out.flush();
    }

    private static void httpServer(long latencyMillis) throws IOException, InterruptedException {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(new Model.Virtual())
                .limits(Limits.DEFAULT.withMaxConnections(GeventExperiment.MAX_FETCHES + 100)).build();
        try (HttpServer server = HttpServer.start(config, request -> {
            Thread.sleep(latencyMillis);
            return HttpResponse.text(200, "image " + request.path() + "\n");
        })) {
            System.out.println("port " + server.port());
            System.out.flush();
            Jvm.exitWithParent();
            Thread.sleep(Duration.ofMinutes(5));
        }
    }

    private static void echo() throws IOException {
        Pipe pipe = Pipe.ofStandardStreams();
        for (var message = pipe.receiveBytes(); message.isPresent(); message = pipe.receiveBytes()) {
            pipe.send(message.get());
        }
    }

    /** A parent with a daemon and a non-daemon child; returning from main ends this JVM and so its stdin watchers. */
    private static void parent(long lingerMillis) throws IOException {
        Jvm.exitWithParent();
        List<String> options = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        Process daemon = Jvm.start(options, LabWorker.class, List.of("linger-daemon"));
        Process nonDaemon = Jvm.start(options, LabWorker.class, List.of("linger", String.valueOf(lingerMillis)));
        for (Process child : List.of(daemon, nonDaemon)) {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (line == null || !line.startsWith("ready")) {
                daemon.destroyForcibly();
                nonDaemon.destroyForcibly();
                System.out.println("failed child " + child.pid() + " said " + line);
                System.out.flush();
                return;
            }
        }
        System.out.println("children " + daemon.pid() + " " + nonDaemon.pid());
        System.out.flush();
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    private static void primes() throws IOException {
        System.out.println("ready " + pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] job = line.trim().split(" ");
            long began = System.nanoTime();
            long count = PrimeCount.count(Long.parseLong(job[0]), Integer.parseInt(job[1]), Integer.parseInt(job[2]));
            System.out.println(count + " " + pid() + " " + (System.nanoTime() - began));
            System.out.flush();
        }
    }

    /** The daemon lesson: the thread sleeps; a daemon one sleeps ten times longer, since the JVM should not wait for it. */
    private static void lingering(String mode, long millis) throws InterruptedException {
        long began = System.nanoTime();
        boolean daemon = mode.equals("daemon");
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofMillis(daemon ? millis * 10 : millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lab-" + mode);
        thread.setDaemon(daemon);
        thread.start();
        if (mode.equals("join")) {
            thread.join();
        }
        System.out.println("main-returning " + pid() + " " + (System.nanoTime() - began) / 1_000_000);
        System.out.flush();
    }

    private static void crowd(boolean virtual, int tasks, long sleepMillis, int pool) throws InterruptedException {
        long began = System.nanoTime();
        try (ExecutorService executor = virtual
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(pool)) {
            for (int i = 0; i < tasks; i++) {
                executor.execute(() -> {
                    try {
                        Thread.sleep(sleepMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                System.err.println("LabWorker: tasks did not finish");
                System.exit(1);
            }
        }
        long wall = (System.nanoTime() - began) / 1_000_000;
        System.out.println(wall + " " + peakRssKb() + " " + peakHeapKb() + " "
                + ManagementFactory.getThreadMXBean().getPeakThreadCount());
        System.out.flush();
    }

    /** The process's peak resident memory (VmHWM) on Linux; -1 where /proc is not there. */
    static long peakRssKb() {
        Path status = Path.of("/proc/self/status");
        try {
            List<String> lines = Files.readAllLines(status);
            return lines.stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long peakHeapKb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(u -> u == null ? 0 : u.getUsed())
                .sum() / 1024;
    }
}
