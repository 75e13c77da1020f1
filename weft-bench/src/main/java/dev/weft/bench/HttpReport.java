package dev.weft.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code weft bench http} run measured, written as JSON and Markdown.
 *
 * @param command  the command line that produced it
 * @param date     when it ran (UTC, ISO-8601)
 * @param machine  where it ran
 * @param jvmFlags the flags every Java server ran with
 * @param settings what was asked for
 * @param servers  each server's start-up time and configuration
 * @param results  one row per server and load: medians over the rounds
 * @param idle     memory per idle keep-alive connection
 * @param targets  weft against the goals of the HTTP server issue
 * @param notes    caveats of this machine and run
 */
public record HttpReport(String command, String date, Machine machine, List<String> jvmFlags, Settings settings,
                         List<ServerInfo> servers, List<Result> results, List<IdleResult> idle, List<Target> targets,
                         List<String> notes) {

    public record Machine(int cores, String cpu, String os, String jdk, String wrk, String nginx, Map<String, String> versions) {
    }

    /**
     * @param connections the connections of a load that names none: the -c64 goals are judged at this count
     * @param loads       each load as {@code ENDPOINT@CONNECTIONS}, in the order run
     */
    public record Settings(long durationSeconds, int connections, int rounds, long warmupSeconds, List<String> loads,
                           int idleConnections) {
    }

    public record ServerInfo(String server, long startupMillis, List<String> config) {
    }

    /**
     * @param load       e.g. {@code hello route}, {@code static 4 KiB}
     * @param rps        median requests per second over the rounds
     * @param roundsRps  each round's requests per second, in order
     * @param rssKiB     the server's largest resident memory seen during its runs of this load (sampled every 200 ms)
     * @param cpuSeconds median server CPU time (user + system) spent during one run
     * @param vsWeft     rps divided by weft (default)'s on the same load, null when weft (default) did not run it
     * @param vsBestPeer rps divided by the best peer configuration's (not weft) on the same load, null without peers
     */
    public record Result(String server, String load, int connections, double rps, double p50Millis, double p99Millis,
                         double maxMillis, long errors, long rssKiB, double cpuSeconds, List<Double> roundsRps,
                         Double vsWeft, Double vsBestPeer) {
    }

    /**
     * @param opened          connections that completed a request and were held open
     * @param kibPerConnection (rss after - rss before) / opened
     * @param error           why fewer than asked were opened, or null
     */
    public record IdleResult(String server, int asked, int opened, long rssBeforeKiB, long rssAfterKiB,
                             double kibPerConnection, String error) {
    }

    /** @param met null when not measured in this run */
    public record Target(String name, String goal, String measured, Boolean met) {
    }
}
