package dev.weft.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code weft bench http} runs.
 *
 * @param duration        how long wrk drives each server for each load in each round
 * @param connections     wrk's connections for the hello and static loads
 * @param servers         the servers to compare (weft is expanded into {@code models})
 * @param models          weft's concurrency models to run
 * @param rounds          how many interleaved rounds (medians are taken over them)
 * @param warmup          wrk's warm-up per server and load before the rounds (zero skips it)
 * @param highConnections connections of the high-concurrency load on the 4 KiB file (zero skips it)
 * @param idleConnections idle keep-alive connections opened to measure memory per connection (zero skips it)
 * @param out             where the JSON and Markdown reports go
 */
public record HttpBenchSettings(Duration duration, int connections, List<Peer> servers, List<String> models, int rounds,
                                Duration warmup, int highConnections, int idleConnections, Path out) {

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
        if (highConnections < 0 || idleConnections < 0) {
            throw new IllegalArgumentException("connection counts cannot be negative");
        }
        if (idleConnections > 15_000) {
            throw new IllegalArgumentException("at most 15000 idle connections (file-descriptor limit), not " + idleConnections);
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no servers to compare");
        }
        servers = List.copyOf(servers);
        models = List.copyOf(models);
    }

    /** Each server to start: the peers, and weft once per model. */
    public List<Contender> contenders() {
        return servers.stream().distinct().<Contender>mapMulti((peer, sink) -> {
            if (peer == Peer.WEFT) {
                models.forEach(model -> sink.accept(new Contender(Peer.WEFT, model)));
            } else {
                sink.accept(Contender.of(peer));
            }
        }).toList();
    }
}
