package dev.weft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import dev.weft.http.HttpServer;
import dev.weft.engine.Model;
import dev.weft.tls.Tls;

/**
 * {@code weft bench http}: starts every server configuration in its own process, checks that each answers every
 * endpoint with the same bytes, warms each up, then drives them with wrk in interleaved rounds (every server on one
 * load, then every server on the next, then the next round) so drift hits all alike; takes the medians, the peak
 * memory under each load, the idle-connection memory and the ratios, and checks the goals.
 */
public final class HttpBench {

    private static final Duration RSS_SAMPLE = Duration.ofMillis(200);

    private final HttpBenchSettings settings;
    private final Consumer<String> progress;

    public HttpBench(HttpBenchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the benchmark; {@code work} holds the site, the certificate, logs and nginx prefixes. */
    public HttpReport run(String command, Path work) throws IOException, InterruptedException {
        Wrk wrk = Wrk.locate();
        Path site = BenchSite.create(work);
        List<Load> loads = settings.loads();
        boolean tlsLoads = loads.stream().anyMatch(l -> l.endpoint().tls());
        Tls identity = tlsLoads ? Tls.selfSigned() : null;
        ServerLauncher.TlsFiles tlsFiles = tlsLoads ? writeIdentity(identity, work) : null;
        SSLContext trust = tlsLoads ? identity.trustingClientContext() : null;
        ServerLauncher launcher = new ServerLauncher(work, site, ServerClasspath.find(), tlsFiles);
        long began = System.nanoTime();
        List<Contender> contenders = settings.contenders();
        progress.accept(String.format(Locale.ROOT, "%d server configurations, %d loads, %d round(s) of %d s: about %d min",
                contenders.size(), loads.size(), settings.rounds(), settings.duration().toSeconds(),
                Math.max(1, Math.round(settings.estimate().toSeconds() / 60.0))));
        progress.accept("weft (default) is weft with no --model, as weft serve runs it: model " + HttpServer.DEFAULT_MODEL.spec());
        List<RunningServer> running = new ArrayList<>();
        Map<String, Map<Load, List<Run>>> runs = new LinkedHashMap<>();
        List<HttpReport.IdleResult> idle = new ArrayList<>();
        try {
            for (Contender contender : contenders) {
                RunningServer server = launcher.start(contender);
                running.add(server);
                for (Endpoint endpoint : checked(loads)) {
                    if (contender.serves(endpoint)) {
                        BodyCheck.verify(server, endpoint, BodyCheck.expected(endpoint, site), trust);
                    }
                }
                progress.accept("started " + contender.name() + " on port " + server.port() + " in "
                        + server.startupMillis() + " ms; its answers match");
            }
            if (!settings.warmup().isZero()) {
                progress.accept("warming up (" + settings.warmup().toSeconds() + " s per server and load)");
                for (RunningServer server : running) {
                    for (Load load : loads) {
                        if (server.contender().serves(load.endpoint())) {
                            wrk.run(server.url(load.endpoint()), load.connections(), settings.warmup());
                        }
                    }
                }
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Load load : loads) {
                    for (RunningServer server : running) {
                        if (!server.contender().serves(load.endpoint())) {
                            continue;
                        }
                        Run run = measure(wrk, server, load);
                        runs.computeIfAbsent(server.contender().name(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(load, k -> new ArrayList<>()).add(run);
                        progress.accept(String.format(Locale.ROOT, "round %d/%d %-18s c=%-5d %-24s %,10.0f req/s  p99 %7.2f ms  errors %d  RSS %.0f MiB",
                                round, settings.rounds(), load.label(), load.connections(), server.contender().name(),
                                run.wrk().requestsPerSecond(), run.wrk().p99Millis(), run.wrk().errors(), run.rssKiB() / 1024.0));
                    }
                }
            }
            if (settings.idleConnections() > 0) {
                for (RunningServer server : running) {
                    HttpReport.IdleResult result = IdleRound.run(server, settings.idleConnections());
                    idle.add(result);
                    progress.accept(String.format(Locale.ROOT, "idle %-24s %d/%d connections, %.1f KiB each%s",
                            result.server(), result.opened(), result.asked(), result.kibPerConnection(),
                            result.error() == null ? "" : " (" + result.error() + ")"));
                }
            }
        } finally {
            running.forEach(RunningServer::close);
        }
        progress.accept(String.format(Locale.ROOT, "measured in %.1f min (estimated %.1f)",
                (System.nanoTime() - began) / 60e9, settings.estimate().toSeconds() / 60.0));
        List<HttpReport.Result> results = Results.of(runs);
        List<HttpReport.ServerInfo> infos = running.stream()
                .map(s -> new HttpReport.ServerInfo(s.contender().name(), s.startupMillis(), s.config())).toList();
        HttpReport report = new HttpReport(command, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                machine(wrk), JvmFlags.FLAGS, new HttpReport.Settings(settings.duration().toSeconds(),
                settings.connections(), settings.rounds(), settings.warmup().toSeconds(),
                loads.stream().map(Load::spec).toList(), settings.idleConnections()), infos, results, idle, List.of(), notes());
        return Targets.check(report);
    }

    /** The endpoints to check on each server: those of the loads, and the route the idle round opens connections on. */
    private List<Endpoint> checked(List<Load> loads) {
        List<Endpoint> endpoints = new ArrayList<>(loads.stream().map(Load::endpoint).distinct().toList());
        if (settings.idleConnections() > 0 && !endpoints.contains(Endpoint.ROUTE)) {
            endpoints.add(Endpoint.ROUTE);
        }
        return endpoints;
    }

    private static ServerLauncher.TlsFiles writeIdentity(Tls identity, Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("tls"));
        ServerLauncher.TlsFiles files = new ServerLauncher.TlsFiles(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        identity.writePem(files.certificate(), files.key());
        return files;
    }

    /** One wrk run, with the server's resident memory sampled all along and its CPU time before and after. */
    private Run measure(Wrk wrk, RunningServer server, Load load) throws IOException, InterruptedException {
        long cpuBefore = server.stats().cpuMillis();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(server.stats().rssKiB(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(RSS_SAMPLE.toNanos());
            }
        });
        WrkResult result;
        try {
            result = wrk.run(server.url(load.endpoint()), load.connections(), settings.duration());
        } finally {
            done.set(true);
            sampler.join();
        }
        ProcStats after = server.stats();
        peak.accumulateAndGet(after.rssKiB(), Math::max);
        return new Run(result, peak.get(), (after.cpuMillis() - cpuBefore) / 1000.0);
    }

    /** One wrk run of one server on one load, with the server's peak memory during it and CPU spent in it. */
    record Run(WrkResult wrk, long rssKiB, double cpuSeconds) {
    }

    private List<String> notes() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> notes = new ArrayList<>(List.of("wrk runs with one thread (-t1) on the same " + cores + "-core machine as the server: "
                        + "load generator and server share the cores, so absolute figures are low and ratios are what count.",
                "All traffic is over 127.0.0.1. Every server stays up for the whole run; each figure is the median over "
                        + settings.rounds() + " interleaved round(s) of " + settings.duration().toSeconds() + " s.",
                "weft (default) is weft started with no --model, as `weft serve SITE --app HelloApp -q` runs: model "
                        + HttpServer.DEFAULT_MODEL.spec() + " here. Its goals are judged against the best configuration of each peer "
                        + "(the most req/s among Netty's and among nginx's); weft's best model is named beside them.",
                "weft's hello route, static files and HTTPS go through weft-web (a WebApp with one route, the site's "
                        + "FileServer behind it); its plain `hello` is the engine's HTTP server with no web layer, on a second "
                        + "port of the same JVM. The peers answer /hello and /route alike.",
                "HTTPS: TLS 1.3, keep-alive, one self-signed EC certificate made for the run and served by weft (default) "
                        + "and nginx (`ssl`, ssl_session_cache) alike.",
                "RSS is the largest resident memory seen (sampled every 200 ms) while wrk ran, and CPU the time spent, "
                        + "read from /proc for the server process and its children (nginx's workers, weft's worker JVMs).",
                "Loops and workers: Netty runs with 1 event loop and with its default (2 x cores); nginx with 1 and 2 worker "
                        + "processes (multi_accept: under wrk most connections land on one worker). With wrk on one of "
                        + "the cores, a second busy loop competes with wrk for the other."));
        if (!ServerLauncher.serverFlags().isEmpty()) {
            notes.add("weft's JVMs also had ./weft's server flags, after the flags above: `"
                    + String.join(" ", ServerLauncher.serverFlags()) + "`.");
        }
        if (!ServerLauncher.userFlags().isEmpty()) {
            notes.add("weft's JVMs also had WEFT_JAVA_OPTS, after the flags above: `"
                    + String.join(" ", ServerLauncher.userFlags()) + "`.");
        }
        return List.copyOf(notes);
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
                    list.stream().mapToLong(r -> r.wrk().errors()).sum(),
                    list.stream().mapToLong(Run::rssKiB).max().orElse(0),
                    median(list, Run::cpuSeconds), list.stream().map(r -> r.wrk().requestsPerSecond()).toList(),
                    null, null))));
            return rows.stream().map(row -> withRatios(row, rows)).toList();
        }

        private static HttpReport.Result withRatios(HttpReport.Result row, List<HttpReport.Result> all) {
            List<HttpReport.Result> same = all.stream()
                    .filter(r -> r.load().equals(row.load()) && r.connections() == row.connections()).toList();
            Double weft = same.stream().filter(r -> r.server().equals(Contender.WEFT_DEFAULT.name()))
                    .map(HttpReport.Result::rps).findFirst().orElse(null);
            Double bestPeer = same.stream().filter(r -> !Peer.WEFT.runs(r.server()))
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
