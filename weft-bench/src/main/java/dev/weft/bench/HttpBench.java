package dev.weft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code weft bench http}: starts every server in its own process, warms each up, then drives them with wrk
 * in interleaved rounds (every server on one load, then every server on the next, then the next round) so
 * drift hits all alike; takes the medians, the idle-connection memory and the ratios, and checks the targets.
 */
public final class HttpBench {

    private final HttpBenchSettings settings;
    private final Consumer<String> progress;

    public HttpBench(HttpBenchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** One load: an endpoint at a number of connections. */
    record Load(Endpoint endpoint, int connections) {
        String label() {
            return endpoint.label();
        }
    }

    /** Runs the benchmark; {@code work} holds the site, logs and nginx prefixes. */
    public HttpReport run(String command, Path work) throws IOException, InterruptedException {
        Wrk wrk = Wrk.locate();
        Path site = BenchSite.create(work);
        ServerLauncher launcher = new ServerLauncher(work, site, ServerClasspath.find());
        List<Load> loads = loads();
        List<RunningServer> running = new ArrayList<>();
        Map<String, Map<Load, List<Run>>> runs = new LinkedHashMap<>();
        List<HttpReport.IdleResult> idle = new ArrayList<>();
        try {
            for (Contender contender : settings.contenders()) {
                RunningServer server = launcher.start(contender);
                running.add(server);
                progress.accept("started " + contender.name() + " on port " + server.port() + " in " + server.startupMillis() + " ms");
            }
            if (!settings.warmup().isZero()) {
                progress.accept("warming up (" + settings.warmup().toSeconds() + " s per server and load)");
                for (RunningServer server : running) {
                    for (Load load : loads) {
                        wrk.run(server.url(load.endpoint()), load.connections(), settings.warmup());
                    }
                }
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Load load : loads) {
                    for (RunningServer server : running) {
                        long cpuBefore = server.stats().cpuMillis();
                        WrkResult result = wrk.run(server.url(load.endpoint()), load.connections(), settings.duration());
                        ProcStats after = server.stats();
                        runs.computeIfAbsent(server.contender().name(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(load, k -> new ArrayList<>())
                                .add(new Run(result, after.rssKiB(), (after.cpuMillis() - cpuBefore) / 1000.0));
                        progress.accept(String.format(java.util.Locale.ROOT, "round %d/%d %-13s c=%-5d %-18s %,10.0f req/s  errors %d",
                                round, settings.rounds(), load.label(), load.connections(), server.contender().name(),
                                result.requestsPerSecond(), result.errors()));
                    }
                }
            }
            if (settings.idleConnections() > 0) {
                for (RunningServer server : running) {
                    HttpReport.IdleResult result = IdleRound.run(server, settings.idleConnections());
                    idle.add(result);
                    progress.accept(String.format(java.util.Locale.ROOT, "idle %-18s %d/%d connections, %.1f KiB each%s",
                            result.server(), result.opened(), result.asked(), result.kibPerConnection(),
                            result.error() == null ? "" : " (" + result.error() + ")"));
                }
            }
        } finally {
            running.forEach(RunningServer::close);
        }
        List<HttpReport.Result> results = Results.of(runs);
        List<HttpReport.ServerInfo> infos = running.stream()
                .map(s -> new HttpReport.ServerInfo(s.contender().name(), s.startupMillis(), s.config())).toList();
        HttpReport report = new HttpReport(command, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                machine(wrk), JvmFlags.FLAGS, new HttpReport.Settings(settings.duration().toSeconds(),
                settings.connections(), settings.rounds(), settings.warmup().toSeconds(), settings.highConnections(),
                settings.idleConnections()), infos, results, idle, List.of(), notes());
        return Targets.check(report);
    }

    /** One wrk run of one server on one load, with the server's memory after it and CPU spent during it. */
    record Run(WrkResult wrk, long rssKiB, double cpuSeconds) {
    }

    private List<Load> loads() {
        List<Load> loads = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            loads.add(new Load(endpoint, settings.connections()));
        }
        if (settings.highConnections() > 0) {
            loads.add(new Load(Endpoint.STATIC_4K, settings.highConnections()));
        }
        return loads;
    }

    private List<String> notes() {
        int cores = Runtime.getRuntime().availableProcessors();
        return List.of("wrk runs with one thread (-t1) on the same " + cores + "-core machine as the server: "
                        + "load generator and server share the cores, so absolute figures are low and ratios are what count.",
                "All traffic is over 127.0.0.1. Every server stays up for the whole run; each figure is the median over "
                        + settings.rounds() + " interleaved round(s) of " + settings.duration().toSeconds() + " s.",
                "RSS and CPU are read from /proc for the server process and its children (nginx workers, weft worker JVMs).",
                "Loops and workers: weft (event-loop) runs one loop per core and weft (event-loop:1) one loop; both hand "
                        + "connections out in turn, as Netty does. nginx's workers accept whatever is waiting when they wake "
                        + "(multi_accept), so under wrk most connections land on one worker. With wrk on one of the cores, "
                        + "a second busy loop competes with wrk for the other.");
    }

    private static HttpReport.Machine machine(Wrk wrk) throws IOException, InterruptedException {
        String nginx;
        try {
            nginx = Nginx.version(Nginx.locate());
        } catch (ToolMissingException e) {
            nginx = "not installed";
        }
        return new HttpReport.Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                wrk.version(), nginx, versions());
    }

    /** The CPU's model name from /proc/cpuinfo, or {@code unknown}. */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The peers' versions, as weft-bench was built with them. */
    static Map<String, String> versions() throws IOException {
        Properties props = new Properties();
        try (InputStream in = HttpBench.class.getResourceAsStream("/weft-bench-versions.properties")) {
            if (in == null) {
                throw new IOException("weft-bench-versions.properties is missing from the class path");
            }
            props.load(in);
        }
        Map<String, String> versions = new TreeMap<>();
        props.forEach((k, v) -> versions.put(k.toString(), v.toString()));
        versions.put("jdk (com.sun.net.httpserver)", Runtime.version().toString());
        return versions;
    }

    /** The row for each server and load: medians over rounds, and the ratios. */
    static final class Results {
        private Results() {
        }

        static List<HttpReport.Result> of(Map<String, Map<Load, List<Run>>> runs) {
            List<HttpReport.Result> rows = new ArrayList<>();
            runs.forEach((server, byLoad) -> byLoad.forEach((load, list) -> rows.add(new HttpReport.Result(server,
                    load.label(), load.connections(), median(list, r -> r.wrk().requestsPerSecond()),
                    median(list, r -> r.wrk().p50Millis()), median(list, r -> r.wrk().p99Millis()),
                    list.stream().mapToDouble(r -> r.wrk().maxMillis()).max().orElse(0),
                    list.stream().mapToLong(r -> r.wrk().errors()).sum(), list.getLast().rssKiB(),
                    median(list, Run::cpuSeconds), list.stream().map(r -> r.wrk().requestsPerSecond()).toList(),
                    null, null))));
            return rows.stream().map(row -> withRatios(row, rows)).toList();
        }

        private static HttpReport.Result withRatios(HttpReport.Result row, List<HttpReport.Result> all) {
            List<HttpReport.Result> same = all.stream()
                    .filter(r -> r.load().equals(row.load()) && r.connections() == row.connections()).toList();
            Double weft = same.stream().filter(r -> r.server().equals(Contender.WEFT_VIRTUAL.name()))
                    .map(HttpReport.Result::rps).findFirst().orElse(null);
            Double bestPeer = same.stream().filter(r -> !r.server().startsWith(Peer.WEFT.id()))
                    .map(HttpReport.Result::rps).max(Comparator.naturalOrder()).orElse(null);
            return new HttpReport.Result(row.server(), row.load(), row.connections(), row.rps(), row.p50Millis(),
                    row.p99Millis(), row.maxMillis(), row.errors(), row.rssKiB(), row.cpuSeconds(), row.roundsRps(),
                    ratio(row.rps(), weft), ratio(row.rps(), bestPeer));
        }

        private static Double ratio(double value, Double reference) {
            return reference == null || reference == 0 ? null : Math.round(value / reference * 100) / 100.0;
        }

        static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> figure) {
            double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
            int mid = values.length / 2;
            return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }
    }
}
