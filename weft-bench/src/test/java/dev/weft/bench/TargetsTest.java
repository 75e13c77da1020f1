package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How issue 21's goals are judged from a report's rows: weft (default) against each peer's best configuration. */
class TargetsTest {

    private static final List<String> LOADS = List.of("route@64", "static-4k@64", "route@1000", "https-4k@64");

    private static HttpReport.Result row(String server, String load, int connections, double rps) {
        return row(server, load, connections, rps, 0, 2, 0);
    }

    private static HttpReport.Result row(String server, String load, int connections, double rps, long errors,
                                         double p99, long rssKiB) {
        return new HttpReport.Result(server, load, connections, rps, 1, p99, 3, errors, rssKiB, 0, List.of(rps), null, null);
    }

    private static HttpReport report(List<HttpReport.Result> results) {
        return report(results, List.of(), List.of());
    }

    private static HttpReport report(List<HttpReport.Result> results, List<HttpReport.IdleResult> idle,
                                     List<HttpReport.ServerInfo> servers) {
        return new HttpReport("bench", "now", new HttpReport.Machine(2, "cpu", "os", "jdk", "wrk", "nginx", Map.of()),
                List.of(), new HttpReport.Settings(10, 64, 2, 5, LOADS, 10_000), servers, results, idle, List.of(),
                List.of());
    }

    private static HttpReport.Target target(HttpReport report, String name) {
        return Targets.check(report).targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aThroughputGoalIsJudgedOnWeftsDefaultAgainstThePeersBestConfigurationAndNamesWeftsBestModel() {
        HttpReport report = report(List.of(
                row("weft (default)", "hello route", 64, 70_000),
                row("weft (event-loop:1)", "hello route", 64, 80_000),
                row("netty (1 loop)", "hello route", 64, 66_000),
                row("netty (default: 4 loops)", "hello route", 64, 40_000)));

        HttpReport.Target target = target(report, "hello route -c64 vs netty");

        assertThat(target.met()).isTrue();
        assertThat(target.goal()).isEqualTo(">= 1.0x netty's best");
        assertThat(target.measured()).isEqualTo(
                "1.06x netty (1 loop), best of 2 netty configurations; weft's best: weft (event-loop:1) 1.21x");
    }

    @Test
    void aThroughputGoalIsMissedWhenThePeersBestConfigurationIsFaster() {
        HttpReport report = report(List.of(
                row("weft (default)", "hello route", 64, 46_500),
                row("nginx (1 worker)", "hello route", 64, 67_500),
                row("nginx (2 workers)", "hello route", 64, 74_900)));

        HttpReport.Target target = target(report, "hello route -c64 vs nginx");

        assertThat(target.met()).isFalse();
        assertThat(target.measured()).isEqualTo("0.62x nginx (2 workers), best of 2 nginx configurations");
    }

    @Test
    void aGoalWhosePeerOrWeftsDefaultDidNotRunIsNotMeasured() {
        HttpReport report = report(List.of(
                row("weft (event-loop)", "static 4 KiB", 64, 50_000),
                row("nginx (1 worker)", "static 4 KiB", 64, 40_000),
                row("weft (default)", "hello route", 64, 50_000)));

        assertThat(target(report, "static 4 KiB -c64 vs nginx").met()).isNull();
        assertThat(target(report, "static 4 KiB -c64 vs nginx").measured()).isEqualTo("not measured");
        assertThat(target(report, "hello route -c64 vs netty").met()).isNull();
    }

    @Test
    void httpsIsJudgedAgainstEightTenthsOfNginxWithSsl() {
        HttpReport report = report(List.of(
                row("weft (default)", "https static 4 KiB", 64, 17_000),
                row("nginx (2 workers)", "https static 4 KiB", 64, 20_000)));

        HttpReport.Target target = target(report, "https static 4 KiB -c64 vs nginx ssl");

        assertThat(target.goal()).isEqualTo(">= 0.8x nginx's best");
        assertThat(target.met()).isTrue();
        assertThat(target.measured()).isEqualTo("0.85x nginx (2 workers)");
    }

    @Test
    void highConcurrencyNeedsThroughputNoErrorsAndAP99NoWorseThanNginxs() {
        List<HttpReport.Result> nginx = List.of(
                row("nginx (1 worker)", "hello route", 1000, 60_000, 0, 20.0, 0),
                row("nginx (2 workers)", "hello route", 1000, 78_300, 0, 22.6, 0));
        List<HttpReport.Result> slowTail = new ArrayList<>(nginx);
        slowTail.add(row("weft (default)", "hello route", 1000, 80_000, 0, 110.0, 0));
        List<HttpReport.Result> errors = new ArrayList<>(nginx);
        errors.add(row("weft (default)", "hello route", 1000, 80_000, 3, 15.0, 0));
        List<HttpReport.Result> good = new ArrayList<>(nginx);
        good.add(row("weft (default)", "hello route", 1000, 80_000, 0, 19.5, 0));

        HttpReport.Target tail = target(report(slowTail), "hello route -c1000 vs nginx");
        assertThat(tail.met()).isFalse();
        assertThat(tail.measured()).isEqualTo("1.02x nginx (2 workers), 0 errors, p99 110.0 ms vs 20.0 ms (nginx (1 worker))");
        assertThat(target(report(errors), "hello route -c1000 vs nginx").met()).isFalse();
        assertThat(target(report(good), "hello route -c1000 vs nginx").met()).isTrue();
    }

    @Test
    void memoryUnderLoadIsWeftsDefaultLargestOverAllLoadsAndNamesTheLoad() {
        HttpReport report = report(List.of(
                row("weft (default)", "hello route", 64, 1, 0, 1, 90 * 1024),
                row("weft (default)", "hello route", 1000, 1, 0, 1, 140 * 1024),
                row("weft (thread)", "hello route", 64, 1, 0, 1, 400 * 1024)));

        HttpReport.Target target = target(report, "weft (default) resident memory under load");

        assertThat(target.met()).isFalse();
        assertThat(target.measured()).isEqualTo("140.0 MiB at most (under hello route -c1000)");
    }

    @Test
    void idleConnectionsAreJudgedOnWeftsDefault() {
        HttpReport report = report(List.of(), List.of(
                new HttpReport.IdleResult("weft (default)", 10_000, 10_000, 100_000, 220_000, 12.0, null),
                new HttpReport.IdleResult("weft (thread)", 10_000, 10_000, 100_000, 900_000, 80.0, null)), List.of());

        HttpReport.Target target = target(report, "weft (default) memory per idle keep-alive connection");

        assertThat(target.met()).isTrue();
        assertThat(target.measured()).isEqualTo("12.0 KiB (10,000 connections)");
    }

    @Test
    void withoutAHighConcurrencyLoadThatGoalIsNotMeasured() {
        HttpReport report = new HttpReport("bench", "now", new HttpReport.Machine(2, "cpu", "os", "jdk", "wrk", "nginx",
                Map.of()), List.of(), new HttpReport.Settings(10, 64, 2, 5, List.of("route@64"), 0), List.of(),
                List.of(row("weft (default)", "hello route", 64, 1)), List.of(), List.of(), List.of());

        assertThat(target(report, "hello route at high concurrency vs nginx").met()).isNull();
    }
}
