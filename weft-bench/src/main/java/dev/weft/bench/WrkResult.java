package dev.weft.bench;

/**
 * One wrk run, as wrk reported it.
 *
 * @param requestsPerSecond wrk's Requests/sec
 * @param p50Millis         median latency
 * @param p99Millis         99th percentile latency
 * @param maxMillis         the slowest request
 * @param requests          requests completed
 * @param errors            socket errors (connect, read, write, timeout) plus non-2xx/3xx responses
 */
public record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, double maxMillis,
                        long requests, long errors) {
}
