package dev.weft.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The goals of issue 21, checked against one report: always on weft's default configuration (weft with no
 * {@code --model}, as a user gets it), always against the best configuration of each peer in the run (the most
 * req/s among its configurations, errors counting against). Each line names the configurations it compared, and
 * weft's best model on that load for information. (Start-up has a benchmark of its own, {@code weft bench startup}:
 * here weft's JVM starts three servers and a TLS identity, which no user's first response waits for.)
 */
final class Targets {

    static final double RSS_LIMIT_MIB = 128;
    static final double IDLE_LIMIT_KIB = 16;

    private static final String WEFT = Contender.WEFT_DEFAULT.name();
    private static final Comparator<HttpReport.Result> BEST = Comparator
            .comparing((HttpReport.Result r) -> r.errors() == 0).thenComparingDouble(HttpReport.Result::rps);

    private Targets() {
    }

    static HttpReport check(HttpReport report) {
        int c = report.settings().connections();
        int high = highConnections(report.settings());
        List<HttpReport.Target> targets = new ArrayList<>();
        targets.add(vsPeer(report, Endpoint.ROUTE, c, Peer.NETTY, 1.0));
        targets.add(vsPeer(report, Endpoint.ROUTE, c, Peer.NGINX, 1.0));
        targets.add(vsPeer(report, Endpoint.STATIC_4K, c, Peer.NGINX, 1.0));
        targets.add(highConcurrency(report, high));
        targets.add(vsPeer(report, Endpoint.HTTPS_4K, c, Peer.NGINX, 0.8));
        targets.add(memoryUnderLoad(report));
        Optional<HttpReport.IdleResult> idle = report.idle().stream().filter(i -> i.server().equals(WEFT)).findFirst();
        targets.add(new HttpReport.Target(WEFT + " memory per idle keep-alive connection",
                String.format(Locale.ROOT, "<= %.0f KiB", IDLE_LIMIT_KIB),
                idle.map(i -> String.format(Locale.ROOT, "%.1f KiB (%,d connections)", i.kibPerConnection(), i.opened()))
                        .orElse("not measured"),
                idle.map(i -> i.error() == null && i.kibPerConnection() <= IDLE_LIMIT_KIB).orElse(null)));
        return new HttpReport(report.command(), report.date(), report.machine(), report.jvmFlags(), report.settings(),
                report.servers(), report.results(), report.idle(), List.copyOf(targets), report.notes());
    }

    /** The largest connection count of a hello-route load above the default count, 0 without one. */
    static int highConnections(HttpReport.Settings settings) {
        return settings.loads().stream().filter(l -> l.startsWith(Endpoint.ROUTE.id() + "@"))
                .mapToInt(l -> Integer.parseInt(l.substring(l.indexOf('@') + 1)))
                .filter(n -> n > settings.connections()).max().orElse(0);
    }

    /**
     * weft (default) against the best configuration of {@code peer} on one load, e.g.
     * "0.92x netty (1 loop), best of 2 netty configurations; weft's best: weft (event-loop:1) 1.05x".
     */
    private static HttpReport.Target vsPeer(HttpReport report, Endpoint endpoint, int connections, Peer peer,
                                            double goal) {
        String name = String.format(Locale.ROOT, "%s -c%d vs %s%s", endpoint.label(), connections, peer.id(),
                endpoint.tls() ? " ssl" : "");
        String goalText = String.format(Locale.ROOT, ">= %.1fx %s's best", goal, peer.id());
        Optional<HttpReport.Result> weft = find(report, WEFT, endpoint, connections);
        Optional<HttpReport.Result> other = best(report, peer, endpoint, connections);
        if (weft.isEmpty() || other.isEmpty() || other.get().rps() == 0) {
            return new HttpReport.Target(name, goalText, "not measured", null);
        }
        double ratio = weft.get().rps() / other.get().rps();
        String measured = String.format(Locale.ROOT, "%.2fx %s%s%s", ratio, other.get().server(),
                configurations(report, peer, endpoint, connections), bestWeft(report, endpoint, connections, other.get()));
        return new HttpReport.Target(name, goalText, measured, ratio >= goal && weft.get().errors() == 0);
    }

    /** weft (default) at the high connection count: throughput against nginx's best, no errors, p99 against nginx's. */
    private static HttpReport.Target highConcurrency(HttpReport report, int high) {
        String name = high == 0 ? "hello route at high concurrency vs nginx"
                : String.format(Locale.ROOT, "%s -c%d vs nginx", Endpoint.ROUTE.label(), high);
        String goal = ">= 1.0x nginx's best, 0 errors, p99 <= nginx's";
        Optional<HttpReport.Result> weft = find(report, WEFT, Endpoint.ROUTE, high);
        Optional<HttpReport.Result> fastest = best(report, Peer.NGINX, Endpoint.ROUTE, high);
        Optional<HttpReport.Result> quickest = results(report, Peer.NGINX, Endpoint.ROUTE, high)
                .filter(r -> r.errors() == 0).min(Comparator.comparingDouble(HttpReport.Result::p99Millis));
        if (high == 0 || weft.isEmpty() || fastest.isEmpty() || fastest.get().rps() == 0) {
            return new HttpReport.Target(name, goal, "not measured", null);
        }
        HttpReport.Result w = weft.get();
        double ratio = w.rps() / fastest.get().rps();
        double p99Limit = quickest.map(HttpReport.Result::p99Millis).orElse(fastest.get().p99Millis());
        String p99Of = quickest.orElse(fastest.get()).server();
        String measured = String.format(Locale.ROOT, "%.2fx %s, %d errors, p99 %.1f ms vs %.1f ms (%s)%s", ratio,
                fastest.get().server(), w.errors(), w.p99Millis(), p99Limit, p99Of,
                bestWeft(report, Endpoint.ROUTE, high, fastest.get()));
        return new HttpReport.Target(name, goal, measured, ratio >= 1.0 && w.errors() == 0 && w.p99Millis() <= p99Limit);
    }

    /** weft (default)'s largest resident memory under any load of the run, and the load it was under. */
    private static HttpReport.Target memoryUnderLoad(HttpReport report) {
        String goal = String.format(Locale.ROOT, "<= %.0f MiB under each load", RSS_LIMIT_MIB);
        Optional<HttpReport.Result> most = report.results().stream().filter(r -> r.server().equals(WEFT))
                .max(Comparator.comparingLong(HttpReport.Result::rssKiB));
        return new HttpReport.Target(WEFT + " resident memory under load", goal,
                most.map(r -> String.format(Locale.ROOT, "%.1f MiB at most (under %s -c%d)", r.rssKiB() / 1024.0,
                        r.load(), r.connections())).orElse("not measured"),
                most.map(r -> r.rssKiB() / 1024.0 <= RSS_LIMIT_MIB).orElse(null));
    }

    /** ", best of 2 nginx configurations" when the peer ran in more than one. */
    private static String configurations(HttpReport report, Peer peer, Endpoint endpoint, int connections) {
        long n = results(report, peer, endpoint, connections).count();
        return n > 1 ? String.format(Locale.ROOT, ", best of %d %s configurations", n, peer.id()) : "";
    }

    /** "; weft's best: weft (event-loop) 1.05x" when a model other than the default did better. */
    private static String bestWeft(HttpReport report, Endpoint endpoint, int connections, HttpReport.Result peer) {
        return results(report, Peer.WEFT, endpoint, connections).max(BEST)
                .filter(r -> !r.server().equals(WEFT))
                .map(r -> String.format(Locale.ROOT, "; weft's best: %s %.2fx", r.server(), r.rps() / peer.rps()))
                .orElse("");
    }

    private static Optional<HttpReport.Result> best(HttpReport report, Peer peer, Endpoint endpoint, int connections) {
        return results(report, peer, endpoint, connections).max(BEST);
    }

    private static java.util.stream.Stream<HttpReport.Result> results(HttpReport report, Peer peer, Endpoint endpoint,
                                                                      int connections) {
        return report.results().stream().filter(r -> peer.runs(r.server()) && r.load().equals(endpoint.label())
                && r.connections() == connections);
    }

    private static Optional<HttpReport.Result> find(HttpReport report, String server, Endpoint endpoint, int connections) {
        return report.results().stream().filter(r -> r.server().equals(server) && r.load().equals(endpoint.label())
                && r.connections() == connections).findFirst();
    }
}
