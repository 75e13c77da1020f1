package dev.weft.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import dev.weft.bench.servers.FilesBenchServer;
import dev.weft.services.files.Endpoint;
import dev.weft.services.files.FilesClient;
import dev.weft.services.files.RawClient;
import dev.weft.services.files.TransferListener;

/**
 * {@code weft bench files}: one large file sent over 127.0.0.1 by weft's files server to weft's client (the
 * verified framed protocol and the seeds' raw one) and by OpenBSD nc to nc, plus a local copy with no network
 * as a reference for the disk; interleaved rounds, medians, MB/s and the ratio to nc. Every receiver writes a
 * file on the same disk and the clock stops once it is fsynced, so disk speed bounds all alike.
 */
public final class FilesBench {

    /** The figure every ratio is taken against. */
    public static final String NC = "nc";
    public static final String WEFT_VERIFIED = "weft files (verified)";
    public static final String WEFT_RAW = "weft files --raw";
    public static final String LOCAL_COPY = "local copy (no network)";
    /** The verified get as a user runs it: {@code weft files get} in a JVM of its own, started as ./weft starts it. */
    public static final String WEFT_VERIFIED_PROCESS = "weft files get (own process)";
    public static final String WEFT_RAW_PROCESS = "weft files get --raw (own process)";

    private static final String NAME = "transfer.bin";
    private static final int BLOCK = 1 << 20;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One way of moving the file.
     *
     * @param mbPerSecond        median over the rounds, MB = 10^6 bytes
     * @param seconds            median time of one transfer
     * @param roundsMbPerSecond  each round's figure, in order
     * @param vsNc               mbPerSecond divided by nc's
     */
    public record Row(String method, double mbPerSecond, double seconds, List<Double> roundsMbPerSecond, Double vsNc) {
    }

    /**
     * Everything one run measured.
     *
     * @param receiver     where received bytes went (a file system, or /dev/null), the same for every method
     * @param serverConfig the weft server's {@code config:} lines
     */
    public record Report(String command, String date, int cores, String cpu, String os, String jdk, String nc,
                         List<String> jvmFlags, long sizeBytes, int rounds, String receiver, List<String> serverConfig,
                         List<Row> rows, List<HttpReport.Target> targets, List<String> notes) {
    }

    /** Moves the file to {@code target}; returns the bytes that arrived. */
    private interface Transfer {
        long to(Path target) throws IOException, InterruptedException;
    }

    private final long size;
    private final int rounds;
    private final Consumer<String> progress;
    private final WeftProgram verifiedGet;
    private final WeftProgram rawGet;

    /** Times weft's client in this JVM only. */
    public FilesBench(long size, int rounds, Consumer<String> progress) {
        this(size, rounds, progress, null, null);
    }

    /**
     * Times weft's client in this JVM and, when the programs are not null, also as {@code weft files get} (verified
     * by {@code verifiedGet}, {@code --raw} by {@code rawGet}) in a process of its own (JVM start-up included), as nc
     * is. The launcher runs the two with different JIT flags.
     */
    public FilesBench(long size, int rounds, Consumer<String> progress, WeftProgram verifiedGet, WeftProgram rawGet) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 byte, not " + size);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        this.size = size;
        this.rounds = rounds;
        this.progress = progress;
        this.verifiedGet = verifiedGet;
        this.rawGet = rawGet;
    }

    /** Runs the benchmark in {@code work}, which must have room for the file twice; the file is deleted afterwards. */
    public Report run(String command, Path work) throws IOException, InterruptedException {
        Netcat nc = Netcat.locate();
        Path site = work.resolve("site");
        Path source = Files.createDirectories(site.resolve("static")).resolve(NAME);
        Path received = Files.createDirectories(work.resolve("received"));
        FileStore store = Files.getFileStore(received);
        long needed = 2 * size + (64L << 20);
        if (store.getUsableSpace() < needed) {
            throw new IOException("bench files needs " + (needed >> 20) + " MiB free in " + work + ", only "
                    + (store.getUsableSpace() >> 20) + " MiB left");
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        List<String> serverConfig;
        try {
            progress.accept(String.format(Locale.ROOT, "writing the %,d-byte test file", size));
            generate(source, size);
            ServerLauncher launcher = new ServerLauncher(work, site, ServerClasspath.find());
            try (RunningServer server = launcher.start(Contender.weft("virtual"), FilesBenchServer.class.getName(), List.of(),
                    ServerLauncher::accepts)) {
                Endpoint endpoint = new Endpoint("127.0.0.1", server.port());
                Map<String, Transfer> methods = new LinkedHashMap<>();
                methods.put(WEFT_VERIFIED, target -> {
                    try (FilesClient client = FilesClient.connect(endpoint, null, CLIENT_TIMEOUT)) {
                        return client.get(NAME, target, TransferListener.NONE).size();
                    }
                });
                methods.put(WEFT_RAW, target -> RawClient.get(endpoint, null, CLIENT_TIMEOUT, NAME, target, TransferListener.NONE).size());
                if (verifiedGet != null) {
                    Path log = work.resolve("weft-client.log");
                    methods.put(WEFT_VERIFIED_PROCESS, target -> get(verifiedGet, log, endpoint, target, List.of()));
                    methods.put(WEFT_RAW_PROCESS, target -> get(rawGet, log, endpoint, target, List.of("--raw")));
                }
                methods.put(NC, target -> {
                    int port = ServerLauncher.freePort();
                    Process listener = nc.serve(source, port);
                    try {
                        return nc.receive(port, target, transferLimit());
                    } finally {
                        if (!listener.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                            listener.destroyForcibly();
                        }
                    }
                });
                methods.put(LOCAL_COPY, target -> copy(source, target));
                progress.accept("warm-up: one transfer per method");
                for (Transfer transfer : methods.values()) {
                    timed(transfer, received.resolve(NAME));
                }
                for (int round = 1; round <= rounds; round++) {
                    for (Map.Entry<String, Transfer> method : methods.entrySet()) {
                        double s = timed(method.getValue(), received.resolve(NAME));
                        seconds.computeIfAbsent(method.getKey(), k -> new ArrayList<>()).add(s);
                        progress.accept(String.format(Locale.ROOT, "round %d/%d %-36s %,9.1f MB/s  (%.2f s)", round, rounds,
                                method.getKey(), mbPerSecond(s), s));
                    }
                }
                // from the log rather than server.config(): readiness here is an accepted connection, which may come
                // before the output thread has read the config line
                serverConfig = Files.readAllLines(server.log()).stream().filter(l -> l.startsWith("config: "))
                        .map(l -> l.substring(8)).toList();
            }
        } finally {
            Files.deleteIfExists(source);
            deleteFiles(received); // a failed transfer's leftovers (a partial, a short copy) would hold gigabytes
        }
        List<Row> rows = rows(seconds);
        String receiver = "a file in the run's temp folder (" + store.type() + " on " + store.name()
                + "), not fsynced (as users run them), not /dev/null";
        return new Report(command, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(), HttpBench.cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), nc.version(),
                JvmFlags.FLAGS, size, rounds, receiver, serverConfig, rows, targets(rows), notes());
    }

    /** {@code weft files get [extra] HOST:PORT NAME -o target} run by {@code weft}; the bytes it saved. */
    private long get(WeftProgram weft, Path log, Endpoint endpoint, Path target, List<String> extra)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(weft.command());
        line.addAll(List.of("files", "get", "-q"));
        line.addAll(extra);
        line.addAll(List.of(endpoint.host() + ":" + endpoint.port(), NAME, "-o", target.toString()));
        TimedRun.nanos(line, log, transferLimit());
        return Files.size(target);
    }

    /**
     * One transfer to {@code target}, timed until the receiver has the whole file (in the page cache: as a user runs
     * them, neither weft nor nc, cp or curl fsyncs); checks the size and deletes the file. An untimed sync before it
     * writes back what earlier rounds left dirty, so no round pays for another's writeback.
     *
     * @throws IOException when fewer or more bytes arrived than the file holds
     */
    private double timed(Transfer transfer, Path target) throws IOException, InterruptedException {
        Tools.output(List.of("sync"), Duration.ofSeconds(120));
        long started = System.nanoTime();
        long bytes = transfer.to(target);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long stored = Files.size(target);
        Files.delete(target);
        if (bytes != size || stored != size) {
            throw new IOException("received " + stored + " bytes (reported " + bytes + ") of " + size);
        }
        return elapsed;
    }

    private static void deleteFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            for (Path file : left.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Long enough for the file at 10 MB/s, and at least a minute. */
    private Duration transferLimit() {
        return Duration.ofSeconds(Math.max(60, size / 10_000_000));
    }

    private double mbPerSecond(double seconds) {
        return size / seconds / 1e6;
    }

    private List<Row> rows(Map<String, List<Double>> seconds) {
        Map<String, Double> medians = new LinkedHashMap<>();
        seconds.forEach((method, list) -> medians.put(method, HttpBench.Results.median(list, s -> mbPerSecond(s))));
        Double nc = medians.get(NC);
        List<Row> rows = new ArrayList<>();
        seconds.forEach((method, list) -> rows.add(new Row(method, round1(medians.get(method)),
                Math.round(HttpBench.Results.median(list, s -> s) * 1000) / 1000.0,
                list.stream().map(s -> round1(mbPerSecond(s))).toList(),
                nc == null || nc == 0 ? null : Math.round(medians.get(method) / nc * 100) / 100.0)));
        return rows;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** weft's two protocols against issue 27's goals: verified at least 0.9x nc's throughput, raw at least 1.0x. */
    static List<HttpReport.Target> targets(List<Row> rows) {
        return rows.stream().filter(r -> r.method().startsWith("weft")).map(r -> {
            double goal = r.method().contains("raw") ? 1.0 : 0.9;
            return new HttpReport.Target(r.method() + " vs nc", String.format(Locale.ROOT, ">= %.1fx", goal),
                    r.vsNc() == null ? "-" : String.format(Locale.ROOT, "%.2fx (%,.1f MB/s)", r.vsNc(), r.mbPerSecond()),
                    r.vsNc() == null ? null : r.vsNc() >= goal);
        }).toList();
    }

    private List<String> notes() {
        return List.of("All transfers are over 127.0.0.1 on the same " + Runtime.getRuntime().availableProcessors()
                        + "-core machine: sender and receiver share the cores. MB = 10^6 bytes.",
                "Each figure is the median over " + rounds + " interleaved round(s) (every method once per round) after one "
                        + "warm-up transfer per method; the source file stays in the page cache throughout.",
                "Every receiver writes a file on the same file system; the clock stops when the receiver is done, without "
                        + "fsync (none of weft, nc, cp or curl forces its file to disk); an untimed sync runs before every transfer. "
                        + "'local copy' reads and writes the file with no network, as fast as one writer goes: a reference, not a ceiling.",
                "weft's server runs in its own JVM (the flags below). 'weft files (verified)' and '--raw' run weft's client "
                        + "in the harness JVM, timed from connect until the file is in place (no JVM start-up); the '(own process)' "
                        + "rows run `weft files get` as a user does, in a JVM of its own started as ./weft starts it, start-up "
                        + "included" + (verifiedGet == null ? " (not run this time: no weft command was given). "
                                : ", with `" + String.join(" ", verifiedGet.command()) + " files get ...` and `"
                                        + String.join(" ", rawGet.command()) + " files get --raw ...`. ")
                        + "nc's client is a process started inside the timed span; its listener is started before.",
                "The verified protocol sends with sendfile and hashes with SHA-256 on both sides: the server hashes a file "
                        + "version once and caches the digest (the warm-up pays it); the client hashes every transfer, beside its writes.");
    }

    /** Writes {@code size} bytes of pseudo-random data (every 1 MiB block stamped with its index) and syncs them. */
    static void generate(Path file, long size) throws IOException {
        byte[] block = new byte[BLOCK];
        new SplittableRandom(9).nextBytes(block);
        ByteBuffer buffer = ByteBuffer.wrap(block);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0, index = 0; written < size; index++) {
                buffer.clear().putLong(0, index).limit((int) Math.min(BLOCK, size - written));
                while (buffer.hasRemaining()) {
                    written += out.write(buffer);
                }
            }
            out.force(true);
        }
    }

    /** Reads {@code source} and writes it to {@code target} through a 1 MiB buffer (no reflink, no copy_file_range). */
    private static long copy(Path source, Path target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BLOCK);
        long copied = 0;
        try (FileChannel in = FileChannel.open(source);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (in.read(buffer.clear()) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    copied += out.write(buffer);
                }
            }
        }
        return copied;
    }

    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder("## weft bench files\n\nCommand: `" + report.command() + "`  \nDate: "
                + report.date() + "\n\nMachine: " + report.cores() + " cores (" + report.cpu() + "), " + report.os() + "; JDK "
                + report.jdk() + "; " + report.nc() + ".  \n");
        md.append(String.format(Locale.ROOT, "File: %,d bytes (%.1f MiB), written once, deleted afterwards.  %nReceiver: %s.  %n",
                report.sizeBytes(), report.sizeBytes() / 1048576.0, report.receiver()));
        md.append("weft server JVM flags: `").append(String.join(" ", report.jvmFlags())).append("`\n\n");
        report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n| method | MB/s | s per transfer | x nc | rounds (MB/s) |\n|---|--:|--:|--:|---|\n");
        for (Row r : report.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %,.1f | %.3f | %s | %s |%n", r.method(), r.mbPerSecond(), r.seconds(),
                    ReportWriter.ratio(r.vsNc()), r.roundsMbPerSecond()));
        }
        md.append("\n| target | goal | measured | met |\n|---|---|---|---|\n");
        for (HttpReport.Target t : report.targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured()).append(" | ")
                    .append(ReportWriter.verdict(t.met())).append(" |\n");
        }
        md.append("\nweft server: ").append(String.join("; ", report.serverConfig())).append('\n');
        return md.toString();
    }
}
