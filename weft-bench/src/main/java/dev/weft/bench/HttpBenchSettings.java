package dev.weft.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.weft.http.HttpServer;
import dev.weft.engine.Model;

/**
 * What {@code weft bench http} runs.
 *
 * @param duration        how long wrk drives each server for each load in each round
 * @param connections     wrk's connections for a load that names none, and the load the -c64 goals are judged on
 * @param servers         the servers to compare (weft, Netty and nginx are expanded into their configurations)
 * @param models          weft's concurrency models to run besides its default (the default's own model is not run twice)
 * @param rounds          how many interleaved rounds (medians are taken over them)
 * @param warmup          wrk's warm-up per server and load before the rounds (zero skips it)
 * @param loads           the loads, in order; a TLS load runs only on the servers that speak TLS
 * @param idleConnections idle keep-alive connections opened to measure memory per connection (zero skips it)
 * @param out             where the JSON and Markdown reports go
 */
public record HttpBenchSettings(Duration duration, int connections, List<Peer> servers, List<String> models, int rounds,
                                Duration warmup, List<Load> loads, int idleConnections, Path out) {

    /** The loads of the goals: the route and the 4 KiB file at 64 connections, the route at 1,000, HTTPS. */
    public static final String DEFAULT_LOADS = "route,static-4k,route@1000,https-4k";

    /**
     * Rough cost of one wrk run besides its duration (start, parse), in seconds; with the two below, what a run of
     * all 14 configurations on 2 busy cores took beyond its wrk time (4.6 min for 2 s runs, 1 round, 1 s warm-up).
     */
    private static final double RUN_OVERHEAD_SECONDS = 0.5;
    /** Rough cost of starting a server, in seconds (a 2-core machine shared with wrk)... */
    private static final double SERVER_OVERHEAD_SECONDS = 3;
    /** ... and of an idle round of 10,000 connections. */
    private static final double IDLE_ROUND_SECONDS = 4;

    public HttpBenchSettings {
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("duration must be at least 1s (wrk counts whole seconds), not " + duration);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + connections);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        if (idleConnections < 0) {
            throw new IllegalArgumentException("idle connections cannot be negative, not " + idleConnections);
        }
        if (idleConnections > 15_000) {
            throw new IllegalArgumentException("at most 15000 idle connections (file-descriptor limit), not " + idleConnections);
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no servers to compare");
        }
        if (loads.isEmpty()) {
            throw new IllegalArgumentException("no loads to run");
        }
        servers = List.copyOf(servers);
        models = List.copyOf(models);
        loads = List.copyOf(loads.stream().distinct().toList());
    }

    /** {@code ENDPOINT[@CONNECTIONS]} spellings, comma-separated, as loads at {@code connections} where none is named. */
    public static List<Load> parseLoads(List<String> specs, int connections) {
        return specs.stream().filter(s -> !s.isBlank()).map(s -> Load.parse(s, connections)).toList();
    }

    /**
     * Each server configuration to start: weft with no {@code --model} (its default, as {@code weft serve} runs)
     * and once per other model; Netty with 1 event loop and with its default; nginx with 1 and 2 workers (and one per
     * core on a machine with more than 2); the other peers as they are.
     */
    public List<Contender> contenders() {
        String defaultModel = HttpServer.DEFAULT_MODEL.spec();
        List<Contender> all = new ArrayList<>();
        for (Peer peer : servers.stream().distinct().toList()) {
            switch (peer) {
                case WEFT -> {
                    all.add(Contender.WEFT_DEFAULT);
                    models.stream().filter(m -> !Model.parse(m).spec().equals(defaultModel)).distinct()
                            .map(Contender::weft).forEach(all::add);
                }
                case NETTY -> {
                    all.add(Contender.netty(1));
                    all.add(Contender.netty(0));
                }
                case NGINX -> {
                    TreeSet<Integer> workers = new TreeSet<>(List.of(1, 2, Runtime.getRuntime().availableProcessors()));
                    workers.forEach(n -> all.add(Contender.nginx(n)));
                }
                default -> all.add(Contender.of(peer));
            }
        }
        return List.copyOf(all);
    }

    /** Roughly how long the run takes: every server on every load it serves, warm-up and rounds, idle rounds, starts. */
    public Duration estimate() {
        List<Contender> contenders = contenders();
        double perRun = duration.toSeconds() + RUN_OVERHEAD_SECONDS;
        double seconds = contenders.size() * (SERVER_OVERHEAD_SECONDS + IDLE_ROUND_SECONDS * idleConnections / 10_000.0);
        for (Load load : loads) {
            long serving = contenders.stream().filter(c -> c.serves(load.endpoint())).count();
            seconds += serving * (rounds * perRun + (warmup.isZero() ? 0 : warmup.toSeconds() + RUN_OVERHEAD_SECONDS));
        }
        return Duration.ofSeconds(Math.round(seconds));
    }
}
