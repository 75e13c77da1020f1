package dev.weft.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP server issue's performance goals, checked against one report: weft against nginx on the 4 KiB file,
 * against Netty on hello, at high concurrency (each on weft's best model in the run, named, with the virtual model
 * beside it), and per idle connection and at start-up (weft virtual, the default model).
 */
final class Targets {

    private Targets() {
    }

    static HttpReport check(HttpReport report) {
        String weft = Contender.WEFT_VIRTUAL.name();
        int c = report.settings().connections();
        int high = report.settings().highConnections();
        List<HttpReport.Target> targets = new ArrayList<>();
        targets.add(ratio(report, "static 4 KiB vs nginx", Endpoint.STATIC_4K.label(), c, "nginx", ">= 1.0x"));
        targets.add(ratio(report, "hello vs Netty (epoll)", Endpoint.HELLO.label(), c, "netty", ">= 1.0x"));
        if (high > 0) {
            Optional<HttpReport.Result> best = best(report, Endpoint.STATIC_4K.label(), high);
            HttpReport.Target vsNginx = ratio(report, "", Endpoint.STATIC_4K.label(), high, "nginx", "");
            Boolean met = best.isEmpty() ? null
                    : best.get().errors() == 0 && (vsNginx.met() == null || vsNginx.met());
            targets.add(new HttpReport.Target(String.format(Locale.ROOT, "%,d connections (static 4 KiB)", high),
                    "0 errors and >= 1.0x nginx",
                    best.map(r -> r.errors() + " errors, " + vsNginx.measured()).orElse("not measured"), met));
        }
        Optional<HttpReport.IdleResult> idle = report.idle().stream().filter(i -> i.server().equals(weft)).findFirst();
        targets.add(new HttpReport.Target("memory per idle connection", "<= 16 KiB",
                idle.map(i -> String.format(Locale.ROOT, "%.1f KiB (%,d connections)", i.kibPerConnection(), i.opened()))
                        .orElse("not measured"),
                idle.map(i -> i.error() == null && i.kibPerConnection() <= 16).orElse(null)));
        Optional<HttpReport.ServerInfo> start = report.servers().stream().filter(s -> s.server().equals(weft)).findFirst();
        targets.add(new HttpReport.Target("first response after launch", "<= 300 ms",
                start.map(s -> s.startupMillis() + " ms").orElse("not measured"),
                start.map(s -> s.startupMillis() <= 300).orElse(null)));
        return new HttpReport(report.command(), report.date(), report.machine(), report.jvmFlags(), report.settings(),
                report.servers(), report.results(), report.idle(), List.copyOf(targets), report.notes());
    }

    /** weft's best model against {@code peer} on one load, e.g. "1.05x nginx (weft (event-loop); virtual 0.61x)". */
    private static HttpReport.Target ratio(HttpReport report, String name, String load, int connections, String peer,
                                           String goal) {
        Optional<HttpReport.Result> weft = best(report, load, connections);
        Optional<HttpReport.Result> other = find(report, peer, load, connections);
        if (weft.isEmpty() || other.isEmpty() || other.get().rps() == 0) {
            return new HttpReport.Target(name, goal, "not measured", null);
        }
        double ratio = weft.get().rps() / other.get().rps();
        String measured = String.format(Locale.ROOT, "%.2fx %s (%s", ratio, peer, weft.get().server());
        Optional<HttpReport.Result> virtual = find(report, Contender.WEFT_VIRTUAL.name(), load, connections);
        if (virtual.isPresent() && !virtual.get().server().equals(weft.get().server())) {
            measured += String.format(Locale.ROOT, "; virtual %.2fx", virtual.get().rps() / other.get().rps());
        }
        return new HttpReport.Target(name, goal, measured + ")", ratio >= 1.0);
    }

    /** The weft model with the most requests per second on one load, among those without errors if any has none. */
    private static Optional<HttpReport.Result> best(HttpReport report, String load, int connections) {
        return report.results().stream()
                .filter(r -> r.server().startsWith(Peer.WEFT.id()) && r.load().equals(load) && r.connections() == connections)
                .max(Comparator.comparing((HttpReport.Result r) -> r.errors() == 0).thenComparingDouble(HttpReport.Result::rps));
    }

    private static Optional<HttpReport.Result> find(HttpReport report, String server, String load, int connections) {
        return report.results().stream()
                .filter(r -> r.server().equals(server) && r.load().equals(load) && r.connections() == connections)
                .findFirst();
    }
}
