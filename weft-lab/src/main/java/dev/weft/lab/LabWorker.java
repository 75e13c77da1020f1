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

/**
 * The main class of the lab's child JVMs ({@link ChildJvm}). One role per run, answers on stdout, one line each:
 * <ul>
 *   <li>{@code primes}: prints {@code ready PID}, then answers each {@code LIMIT PARTS PART} line on stdin with
 *       {@code COUNT PID NANOS}, until stdin ends.</li>
 *   <li>{@code daemon MILLIS}, {@code non-daemon MILLIS}, {@code join MILLIS}: starts a thread that sleeps, prints
 *       {@code main-returning PID MAIN_MILLIS} and returns from main, joining the thread first for {@code join}.</li>
 *   <li>{@code crowd virtual|platform TASKS SLEEP_MILLIS POOL}: runs TASKS sleeping tasks and prints
 *       {@code WALL_MILLIS PEAK_RSS_KB PEAK_HEAP_KB PEAK_THREADS}.</li>
 * </ul>
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
            default -> {
                System.err.println("LabWorker: unknown role " + args[0]);
                System.exit(2);
            }
        }
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
